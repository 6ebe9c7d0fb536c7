import { OmitType } from '@nestjs/swagger';
import { LocationInputDto } from '../location-input.dto.js';

export class LocationProfileDto extends OmitType(LocationInputDto, ['country'] as const) {}
