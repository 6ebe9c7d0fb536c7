import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, ValidateNested } from 'class-validator';
import { EmployeeInputDto } from '../employee-input.dto.js';
import { LocationInputDto } from '../location-input.dto.js';

export class CreateLocationRequestDto extends LocationInputDto {
  @ApiProperty({ type: EmployeeInputDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => EmployeeInputDto)
  employee: EmployeeInputDto;
}
