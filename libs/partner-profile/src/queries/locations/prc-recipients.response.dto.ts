import { ApiProperty } from '@nestjs/swagger';

export class PrcRecipientDto {
  @ApiProperty() userId: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ['prc', 'apa_fallback'], description: 'the PRC, or an APA while the PRC is missing' }) reason:
    'prc' | 'apa_fallback';
}

/** GET .../locations/{locationId}/prc-communications-recipients. */
export class PrcRecipientsDto {
  @ApiProperty({ type: () => [PrcRecipientDto] }) recipients: PrcRecipientDto[];
}
