import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '#contract';
import type { GrantableRole } from '../../domain/site.events.js';
import { GrantedPrivilegesDto } from '../site-users/site-users.response.dto.js';

const GRANTABLE_ROLES: GrantableRole[] = ['secondary', 'user'];

export class JustificationEditDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty() editedBy: string;
  @ApiProperty({ format: 'date-time' }) editedAt: string;
  @ApiProperty() confirmationNumber: string;
}

/** A self-nomination to a site and, once decided, its decision. */
export class AccessRequestDto {
  @ApiProperty() requestId: string;
  @ApiProperty() siteId: string;
  @ApiProperty() siteName: string;
  @ApiProperty() userId: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ description: 'the e-mail the requester typed (shown to approvers)' }) email: string;
  @ApiPropertyOptional({
    description:
      'the e-mail the identity provider vouched for in the requester’s token; the decision is mailed only there',
  })
  verifiedEmail?: string;
  @ApiProperty({
    enum: GRANTABLE_ROLES,
    description: 'the role the requester asked for (`user` when they did not say)',
  })
  requestedRole: GrantableRole;
  @ApiProperty({ type: () => GrantedPrivilegesDto, description: 'the privileges the requester asked for' })
  requestedPrivileges: GrantedPrivilegesDto;
  @ApiPropertyOptional({ enum: GRANTABLE_ROLES, description: 'the role granted, once granted' })
  grantedRole?: GrantableRole;
  @ApiPropertyOptional({ type: () => GrantedPrivilegesDto, description: 'the privileges granted, once granted' })
  grantedPrivileges?: GrantedPrivilegesDto;
  @ApiProperty({ description: 'the current justification (after edits)' }) businessJustification: string;
  @ApiProperty({ description: 'the justification as first submitted' }) originalJustification: string;
  @ApiProperty({ type: () => [JustificationEditDto] }) justificationEdits: JustificationEditDto[];
  @ApiProperty({ enum: ['pending', 'granted', 'denied'] }) status: 'pending' | 'granted' | 'denied';
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ description: 'confirmation number of the request' }) confirmationNumber: string;
  @ApiPropertyOptional() decidedBy?: string;
  @ApiPropertyOptional({ format: 'date-time' }) decidedAt?: string;
  @ApiPropertyOptional({ description: 'confirmation number of the decision' }) decisionConfirmationNumber?: string;
  @ApiPropertyOptional({ description: 'why it was denied' }) reason?: string;
}

/** GET /v1/sites/{siteId}/access-requests and GET /v1/me/access-requests: newest first. */
export class AccessRequestListDto extends PageOf(AccessRequestDto) {}
