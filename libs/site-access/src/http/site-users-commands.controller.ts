import { Body, Delete, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '#auth';
import { ApiCommandResponse, ApiProblems, ResourceController } from '#contract';
import { SITE_COMMANDS, type SiteCommands } from '../application/site-commands.js';
import { AddUserRequestDto } from '../commands/add-user/add-user.request.dto.js';
import { ChangeUserAccessRequestDto } from '../commands/change-user-access/change-user-access.request.dto.js';
import { ChangeUserDetailsRequestDto } from '../commands/change-user-details/change-user-details.request.dto.js';
import { SiteParams, SiteUserParams } from './site-params.js';

/** A site's members: each route maps its request to the domain command. */
@ResourceController('sites', 'v1/sites/:siteId/users')
export class SiteUsersCommandsController {
  constructor(@Inject(SITE_COMMANDS) private readonly sites: SiteCommands) {}

  @ApiOperation({ operationId: 'SiteCommandsController_addUser', summary: undefined })
  @Post()
  @ApiCommandResponse(201)
  @ApiProblems(400, 401, 403, 404, [
    409,
    'ALREADY_MEMBER, REQUEST_PENDING, SECONDARY_CONTACT_LIMIT, CONCURRENCY_CONFLICT',
  ])
  addUser(@CurrentPrincipal() p: Principal, @Param() { siteId }: SiteParams, @Body() body: AddUserRequestDto) {
    const { userId, firstName, lastName, email, telephone, role, privileges } = body;
    return this.sites.run(siteId, p, {
      type: 'AddUser',
      user: { userId, firstName, lastName, email, ...(telephone !== undefined ? { telephone } : {}) },
      role,
      privileges: privileges ?? {},
    });
  }

  @ApiOperation({ operationId: 'SiteCommandsController_changeUserAccess', summary: undefined })
  @Patch(':userId')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, [
    409,
    'NOT_A_MEMBER, PRIMARY_CONTACT_IMMUTABLE, SECONDARY_CONTACT_LIMIT, CONCURRENCY_CONFLICT',
  ])
  changeUserAccess(
    @CurrentPrincipal() p: Principal,
    @Param() { siteId, userId }: SiteUserParams,
    @Body() body: ChangeUserAccessRequestDto,
  ) {
    return this.sites.run(siteId, p, {
      type: 'ChangeUserAccess',
      userId,
      ...(body.role !== undefined ? { role: body.role } : {}),
      ...(body.privileges !== undefined ? { privileges: body.privileges } : {}),
    });
  }

  @ApiOperation({
    operationId: 'SiteCommandsController_changeUserDetails',
    summary: undefined,
    description:
      "Edits a member's name, e-mail or telephone (manage access; details carry no authority, so a manager may edit their own; the primary contact's are the primary's or an operator's to edit).",
  })
  @Patch(':userId/details')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, [409, 'NOT_A_MEMBER, CONCURRENCY_CONFLICT'])
  changeUserDetails(
    @CurrentPrincipal() p: Principal,
    @Param() { siteId, userId }: SiteUserParams,
    @Body() { firstName, lastName, email, telephone }: ChangeUserDetailsRequestDto,
  ) {
    return this.sites.run(siteId, p, {
      type: 'ChangeMemberDetails',
      userId,
      details: {
        ...(firstName !== undefined ? { firstName } : {}),
        ...(lastName !== undefined ? { lastName } : {}),
        ...(email !== undefined ? { email } : {}),
        ...(telephone !== undefined ? { telephone } : {}),
      },
    });
  }

  @ApiOperation({ operationId: 'SiteCommandsController_removeUser', summary: undefined })
  @Delete(':userId')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, [409, 'NOT_A_MEMBER, PRIMARY_CONTACT_IMMUTABLE, CONCURRENCY_CONFLICT'])
  removeUser(@CurrentPrincipal() p: Principal, @Param() { siteId, userId }: SiteUserParams) {
    return this.sites.run(siteId, p, { type: 'RemoveUser', userId });
  }
}
