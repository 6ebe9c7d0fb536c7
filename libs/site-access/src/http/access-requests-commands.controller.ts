import { Body, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '#auth';
import { ApiCommandResponse, ApiProblems, ResourceController } from '#contract';
import { SITE_COMMANDS, type SiteCommands } from '../application/site-commands.js';
import { DenyAccessRequestDto } from '../commands/deny-access/deny-access.request.dto.js';
import { EditJustificationRequestDto } from '../commands/edit-justification/edit-justification.request.dto.js';
import { GrantAccessRequestDto } from '../commands/grant-access/grant-access.request.dto.js';
import { RequestAccessRequestDto } from '../commands/request-access/request-access.request.dto.js';
import { RequestAccessResponseDto } from '../commands/request-access/request-access.response.dto.js';
import { SiteParams, SiteRequestParams } from './site-params.js';

/** Self-nominations: anyone asks, administrators edit, grant or deny. */
@ResourceController('access requests', 'v1/sites/:siteId/access-requests')
export class AccessRequestsCommandsController {
  constructor(@Inject(SITE_COMMANDS) private readonly sites: SiteCommands) {}

  @ApiOperation({ operationId: 'RequestAccessController_request', summary: undefined })
  @Post()
  @ApiCreatedResponse({ description: '{requestId, confirmationNumber, position}', type: RequestAccessResponseDto })
  @ApiProblems(
    [
      400,
      'VALIDATION_FAILED, or ACCOUNT_PRIVILEGES_REQUIRE_CONTACT_ROLE for a user role asking for Account Management',
    ],
    401,
    403,
    404,
    [409, 'ALREADY_MEMBER, REQUEST_PENDING, CONCURRENCY_CONFLICT'],
  )
  async request(
    @CurrentPrincipal() p: Principal,
    @Param() { siteId }: SiteParams,
    @Body()
    { firstName, lastName, email, businessJustification, requestedRole, requestedPrivileges }: RequestAccessRequestDto,
  ) {
    const done = await this.sites.execute(siteId, p, {
      type: 'NominateSelf',
      requestId: this.sites.newId(),
      firstName,
      lastName,
      email,
      businessJustification,
      ...(requestedRole !== undefined ? { requestedRole } : {}),
      ...(requestedPrivileges !== undefined ? { requestedPrivileges } : {}),
    });
    return { requestId: done.the('UserNominated').data.requestId, ...done.response };
  }

  @ApiOperation({ operationId: 'SiteCommandsController_editJustification', summary: undefined })
  @Patch(':requestId')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, [409, 'REQUEST_NOT_PENDING, CONCURRENCY_CONFLICT'])
  editJustification(
    @CurrentPrincipal() p: Principal,
    @Param() { siteId, requestId }: SiteRequestParams,
    @Body() body: EditJustificationRequestDto,
  ) {
    return this.sites.run(siteId, p, {
      type: 'EditNominationJustification',
      requestId,
      businessJustification: body.businessJustification,
    });
  }

  @ApiOperation({ operationId: 'SiteCommandsController_grant', summary: undefined })
  @Post(':requestId/grant')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, [409, 'REQUEST_NOT_PENDING, SECONDARY_CONTACT_LIMIT, CONCURRENCY_CONFLICT'])
  @HttpCode(200)
  grant(
    @CurrentPrincipal() p: Principal,
    @Param() { siteId, requestId }: SiteRequestParams,
    @Body() { role, privileges, businessJustification }: GrantAccessRequestDto,
  ) {
    return this.sites.run(siteId, p, {
      type: 'GrantAccess',
      requestId,
      ...(role !== undefined ? { role } : {}),
      ...(privileges !== undefined ? { privileges } : {}),
      ...(businessJustification !== undefined ? { businessJustification } : {}),
    });
  }

  @ApiOperation({ operationId: 'SiteCommandsController_deny', summary: undefined })
  @Post(':requestId/deny')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, [409, 'REQUEST_NOT_PENDING, CONCURRENCY_CONFLICT'])
  @HttpCode(200)
  deny(
    @CurrentPrincipal() p: Principal,
    @Param() { siteId, requestId }: SiteRequestParams,
    @Body() { reason, businessJustification }: DenyAccessRequestDto,
  ) {
    return this.sites.run(siteId, p, {
      type: 'DenyAccess',
      requestId,
      reason,
      ...(businessJustification !== undefined ? { businessJustification } : {}),
    });
  }
}
