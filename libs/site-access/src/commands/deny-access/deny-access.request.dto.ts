import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Length, MaxLength } from 'class-validator';

export class DenyAccessRequestDto {
  @ApiProperty({ description: 'required: the requester is told why' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
  @ApiPropertyOptional({ description: 'the edited justification; the original is kept' })
  @IsOptional()
  @IsString()
  @Length(10, 2000)
  businessJustification?: string;
}
