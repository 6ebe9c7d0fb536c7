import { Body, Delete, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '#auth';
import { ApiCommandResponse, ApiProblems, ResourceController } from '#contract';
import { SITE_COMMANDS, type SiteCommands } from '../application/site-commands.js';
import { contactDetails } from '../commands/contact-input.dto.js';
import { TransferPrimaryContactRequestDto } from '../commands/transfer-primary-contact/transfer-primary-contact.request.dto.js';
import { UpdateContactRequestDto } from '../commands/update-contact/update-contact.request.dto.js';
import { SiteContactParams, SiteParams } from './site-params.js';

const REAUTHENTICATION: [401, string] = [
  401,
  'UNAUTHENTICATED, or REAUTHENTICATION_REQUIRED when the token’s auth_time is not fresh',
];

/** A site's contacts, the primary contact among them. */
@ResourceController('sites', 'v1/sites/:siteId')
export class SiteContactsCommandsController {
  constructor(@Inject(SITE_COMMANDS) private readonly sites: SiteCommands) {}

  @ApiOperation({ operationId: 'SiteCommandsController_transferPrimaryContact', summary: undefined })
  @Post('primary-contact')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, 409)
  @HttpCode(200)
  transferPrimaryContact(
    @CurrentPrincipal() p: Principal,
    @Param() { siteId }: SiteParams,
    @Body() body: TransferPrimaryContactRequestDto,
  ) {
    const { userId, formerPrimaryRole, formerPrimaryPrivileges } = body;
    return this.sites.run(siteId, p, {
      type: 'TransferPrimaryContact',
      userId,
      formerPrimaryRole,
      ...(formerPrimaryPrivileges ? { formerPrimaryPrivileges: { ...formerPrimaryPrivileges } } : {}),
    });
  }

  @ApiOperation({ operationId: 'SiteCommandsController_updateContact', summary: undefined })
  @Put('contacts/:contactId')
  @ApiCommandResponse(200)
  @ApiProblems(400, REAUTHENTICATION, 403, 404, 409)
  updateContact(
    @CurrentPrincipal() p: Principal,
    @Param() { siteId, contactId }: SiteContactParams,
    @Body() body: UpdateContactRequestDto,
  ) {
    return this.sites.run(siteId, p, {
      type: 'UpdateContact',
      contactId,
      contact: contactDetails(body),
      contactTypes: body.contactTypes,
      ...(body.userId !== undefined ? { userId: body.userId } : {}),
    });
  }

  @ApiOperation({ operationId: 'SiteCommandsController_reviewContact', summary: undefined })
  @Post('contacts/:contactId/review')
  @ApiCommandResponse(200)
  @ApiProblems(400, REAUTHENTICATION, 403, 404, 409)
  @HttpCode(200)
  reviewContact(@CurrentPrincipal() p: Principal, @Param() { siteId, contactId }: SiteContactParams) {
    return this.sites.run(siteId, p, { type: 'ReviewContact', contactId });
  }

  @ApiOperation({ operationId: 'SiteCommandsController_removeContact', summary: undefined })
  @Delete('contacts/:contactId')
  @ApiCommandResponse(200)
  @ApiProblems(400, REAUTHENTICATION, 403, 404, 409)
  removeContact(@CurrentPrincipal() p: Principal, @Param() { siteId, contactId }: SiteContactParams) {
    return this.sites.run(siteId, p, { type: 'RemoveContact', contactId });
  }
}
