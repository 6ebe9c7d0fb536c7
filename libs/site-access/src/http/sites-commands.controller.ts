import { Body, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '#auth';
import { ApiProblems, ResourceController } from '#contract';
import { SITE_COMMANDS, type SiteCommands } from '../application/site-commands.js';
import { contactDetails } from '../commands/contact-input.dto.js';
import { RegisterSiteRequestDto } from '../commands/register-site/register-site.request.dto.js';
import { RegisterSiteResponseDto } from '../commands/register-site/register-site.response.dto.js';

/** Sites: operators register them with their primary contact. */
@ResourceController('sites', 'v1/sites')
export class SitesCommandsController {
  constructor(@Inject(SITE_COMMANDS) private readonly sites: SiteCommands) {}

  @ApiOperation({ operationId: 'RegisterSiteController_register', summary: undefined })
  @Post()
  @ApiCreatedResponse({ description: '{siteId, confirmationNumber, position}', type: RegisterSiteResponseDto })
  @ApiProblems(
    400,
    401,
    [403, 'FORBIDDEN: only operators register sites'],
    [409, 'SITE_EXISTS (or CONCURRENCY_CONFLICT after retries)'],
  )
  async register(@CurrentPrincipal() p: Principal, @Body() body: RegisterSiteRequestDto) {
    const { userId, contactTypes } = body.primaryContact;
    const done = await this.sites.execute(body.siteId, p, {
      type: 'RegisterSite',
      siteId: body.siteId,
      name: body.name,
      primary: { userId, ...contactDetails(body.primaryContact) },
      contactId: 'primary',
      contactTypes: contactTypes ?? ['administrative'],
    });
    return { siteId: done.the('SiteRegistered').data.siteId, ...done.response };
  }
}
