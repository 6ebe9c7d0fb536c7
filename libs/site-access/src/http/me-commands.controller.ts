import { Body, Inject, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '#auth';
import { ApiCommandResponse, ApiProblems, ResourceController } from '#contract';
import { PREFERENCE_COMMANDS, type PreferenceCommands } from '../application/site-commands.js';
import { SetNotificationEmailRequestDto } from '../commands/set-notification-email/set-notification-email.request.dto.js';

/** The caller's own settings: where their eNotifications go. */
@ResourceController('me', 'v1/me')
export class MeCommandsController {
  constructor(@Inject(PREFERENCE_COMMANDS) private readonly preferences: PreferenceCommands) {}

  @ApiOperation({ operationId: 'MeController_setPreferences', summary: undefined })
  @Put('notification-preferences')
  @ApiCommandResponse(200)
  @ApiProblems(400, 401, 409)
  setPreferences(@CurrentPrincipal() p: Principal, @Body() { email, subscribed }: SetNotificationEmailRequestDto) {
    return this.preferences.run(p.userId, p, {
      type: 'SetNotificationEmail',
      userId: p.userId,
      ...(email !== undefined ? { email } : {}),
      ...(subscribed !== undefined ? { subscribed } : {}),
    });
  }
}
