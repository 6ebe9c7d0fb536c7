import { IsSingleLineText } from '#auth';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, ValidateNested } from 'class-validator';
import { EmployeeInputDto } from '../employee-input.dto.js';
import { LocationInputDto } from '../location-input.dto.js';

export class RegisterEnterpriseRequestDto {
  @ApiProperty() @IsSingleLineText(200) name: string;
  @ApiProperty() @IsSingleLineText(200) countryEnterpriseName: string;
  @ApiProperty({ type: LocationInputDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => LocationInputDto)
  location: LocationInputDto;
  @ApiProperty({ type: EmployeeInputDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => EmployeeInputDto)
  employee: EmployeeInputDto;
}
