import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiResponse, getSchemaPath } from '@nestjs/swagger';

/** The proof of a recorded transaction. */
export class CommandConfirmationDto {
  @ApiProperty({ description: 'the transaction’s confirmation number', example: '7KQ2-M9XD-4PTR' })
  confirmationNumber: string;
  @ApiProperty({
    description: 'event-store position of the transaction; send it as X-Consistent-With to read your own write',
  })
  position: string;
}

/** What a command answers when it would change nothing (nothing is recorded). */
export class CommandUnchangedDto {
  @ApiProperty({ type: 'boolean', enum: [false], description: 'always false: the command changed nothing' })
  changed: false;
}

/** What every plain command answers: `{confirmationNumber, position}` or `{changed: false}`. */
export type CommandResponseDto = CommandConfirmationDto | CommandUnchangedDto;

/**
 * A command's success answer: one of {@link CommandConfirmationDto} or {@link CommandUnchangedDto}
 * (`oneOf` in the document), or — for commands that answer more — `type` itself.
 */
export function ApiCommandResponse(status: 200 | 201 = 200, type?: Type<unknown>): MethodDecorator & ClassDecorator {
  const description =
    status === 201
      ? 'Created: the transaction was recorded.'
      : 'The transaction was recorded, or nothing changed ({changed: false}).';
  if (type) return applyDecorators(ApiResponse({ status, description, type }));
  return applyDecorators(
    ApiExtraModels(CommandConfirmationDto, CommandUnchangedDto),
    ApiResponse({
      status,
      description,
      schema: {
        oneOf: [{ $ref: getSchemaPath(CommandConfirmationDto) }, { $ref: getSchemaPath(CommandUnchangedDto) }],
      },
    }),
  );
}
