import { Body, Controller, Delete, HttpCode, Inject, Param, Patch, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../../auth/src/index.js';
import { ApiCommandResponse, ApiProblems } from '../../../contract/src/index.js';
import { SiteContactParams, SiteParams, SiteRequestParams, SiteUserParams } from '../http/site-params.js';
import { AddUserCommand } from './add-user/add-user.command.js';
import { AddUserRequestDto } from './add-user/add-user.request.dto.js';
import { ChangeUserAccessCommand } from './change-user-access/change-user-access.command.js';
import { ChangeUserAccessRequestDto } from './change-user-access/change-user-access.request.dto.js';
import { DenyAccessCommand } from './deny-access/deny-access.command.js';
import { DenyAccessRequestDto } from './deny-access/deny-access.request.dto.js';
import { EditJustificationCommand } from './edit-justification/edit-justification.command.js';
import { EditJustificationRequestDto } from './edit-justification/edit-justification.request.dto.js';
import { GrantAccessCommand } from './grant-access/grant-access.command.js';
import { GrantAccessRequestDto } from './grant-access/grant-access.request.dto.js';
import { RemoveContactCommand } from './remove-contact/remove-contact.command.js';
import { RemoveUserCommand } from './remove-user/remove-user.command.js';
import { TransferPrimaryContactCommand } from './transfer-primary-contact/transfer-primary-contact.command.js';
import { TransferPrimaryContactRequestDto } from './transfer-primary-contact/transfer-primary-contact.request.dto.js';
import { UpdateContactCommand } from './update-contact/update-contact.command.js';
import { UpdateContactRequestDto } from './update-contact/update-contact.request.dto.js';

/** Administrators' commands on one site; each route only turns HTTP into its command. */
@ApiTags('sites')
@ApiBearerAuth()
@Controller('v1/sites/:siteId')
export class SiteCommandsController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post('users')
  @ApiCommandResponse(201)
  @ApiProblems(400, 401, 403, 404, [409, 'ALREADY_MEMBER, REQUEST_PENDING, SECONDARY_CONTACT_LIMIT, CONCURRENCY_CONFLICT'])
  addUser(@CurrentPrincipal() p: Principal, @Param() { siteId }: SiteParams, @Body() body: AddUserRequestDto) {
    return this.commands.execute(new AddUserCommand(p, siteId, body));
  }

  @Patch('users/:userId')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, [409, 'NOT_A_MEMBER, PRIMARY_CONTACT_IMMUTABLE, SECONDARY_CONTACT_LIMIT, CONCURRENCY_CONFLICT'])
  changeUserAccess(@CurrentPrincipal() p: Principal, @Param() { siteId, userId }: SiteUserParams, @Body() body: ChangeUserAccessRequestDto) {
    return this.commands.execute(new ChangeUserAccessCommand(p, siteId, userId, body));
  }

  @Delete('users/:userId')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, [409, 'NOT_A_MEMBER, PRIMARY_CONTACT_IMMUTABLE, CONCURRENCY_CONFLICT'])
  removeUser(@CurrentPrincipal() p: Principal, @Param() { siteId, userId }: SiteUserParams) {
    return this.commands.execute(new RemoveUserCommand(p, siteId, userId));
  }

  @Post('primary-contact')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, 409)
  @HttpCode(200)
  transferPrimaryContact(@CurrentPrincipal() p: Principal, @Param() { siteId }: SiteParams, @Body() body: TransferPrimaryContactRequestDto) {
    return this.commands.execute(new TransferPrimaryContactCommand(p, siteId, body));
  }

  @Patch('access-requests/:requestId')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, [409, 'REQUEST_NOT_PENDING, CONCURRENCY_CONFLICT'])
  editJustification(@CurrentPrincipal() p: Principal, @Param() { siteId, requestId }: SiteRequestParams, @Body() body: EditJustificationRequestDto) {
    return this.commands.execute(new EditJustificationCommand(p, siteId, requestId, body));
  }

  @Post('access-requests/:requestId/grant')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, [409, 'REQUEST_NOT_PENDING, SECONDARY_CONTACT_LIMIT, CONCURRENCY_CONFLICT'])
  @HttpCode(200)
  grant(@CurrentPrincipal() p: Principal, @Param() { siteId, requestId }: SiteRequestParams, @Body() body: GrantAccessRequestDto) {
    return this.commands.execute(new GrantAccessCommand(p, siteId, requestId, body));
  }

  @Post('access-requests/:requestId/deny')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 403, 404, [409, 'REQUEST_NOT_PENDING, CONCURRENCY_CONFLICT'])
  @HttpCode(200)
  deny(@CurrentPrincipal() p: Principal, @Param() { siteId, requestId }: SiteRequestParams, @Body() body: DenyAccessRequestDto) {
    return this.commands.execute(new DenyAccessCommand(p, siteId, requestId, body));
  }

  @Put('contacts/:contactId')
  @ApiCommandResponse(200)
  @ApiProblems(400, [401, 'UNAUTHENTICATED, or REAUTHENTICATION_REQUIRED when the token’s auth_time is not fresh'], 403, 404, 409)
  updateContact(@CurrentPrincipal() p: Principal, @Param() { siteId, contactId }: SiteContactParams, @Body() body: UpdateContactRequestDto) {
    return this.commands.execute(new UpdateContactCommand(p, siteId, contactId, body));
  }

  @Delete('contacts/:contactId')
  @ApiCommandResponse(200)
  @ApiProblems(400, [401, 'UNAUTHENTICATED, or REAUTHENTICATION_REQUIRED when the token’s auth_time is not fresh'], 403, 404, 409)
  removeContact(@CurrentPrincipal() p: Principal, @Param() { siteId, contactId }: SiteContactParams) {
    return this.commands.execute(new RemoveContactCommand(p, siteId, contactId));
  }
}
