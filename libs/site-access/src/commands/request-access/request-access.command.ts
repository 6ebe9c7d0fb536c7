import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../../auth/src/index.js';
import type { CommandResponse } from '../../../../event-store/src/index.js';
import type { RequestAccessRequestDto } from './request-access.request.dto.js';

export type RequestAccessResult = CommandResponse & { requestId: string };

/** A self-nomination: the caller asks to become a member of a site. */
export class RequestAccessCommand extends Command<RequestAccessResult> {
  constructor(
    readonly principal: Principal,
    readonly siteId: string,
    readonly request: RequestAccessRequestDto,
  ) {
    super();
  }
}
