import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { EmployeeInputDto } from '../employee-input.dto.js';

export class SelfAssociationRequestDto extends EmployeeInputDto {
  @ApiProperty({ description: "the location's company token" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  companyToken: string;
}
