import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Like, type Repository } from 'typeorm';

import { CheckpointEntity } from './checkpoint.entity';
import { DeviceCredentialEntity } from './device-credential.entity';

/** The checkpoint registry and its device credentials. */
@Injectable()
export class CheckpointRepository {
  constructor(
    @InjectRepository(CheckpointEntity) private readonly checkpoints: Repository<CheckpointEntity>,
    @InjectRepository(DeviceCredentialEntity) private readonly devices: Repository<DeviceCredentialEntity>,
  ) {}

  async insert(row: CheckpointEntity): Promise<void> {
    await this.checkpoints.insert(row);
  }

  find(id: string): Promise<CheckpointEntity | null> {
    return this.checkpoints.findOne({ where: { id } });
  }

  list(regionPrefix: string, includeDisabled: boolean, limit = 1000): Promise<CheckpointEntity[]> {
    return this.checkpoints.find({
      where: { region: Like(`${regionPrefix}%`), ...(includeDisabled ? {} : { disabled: false }) },
      order: { region: 'ASC', name: 'ASC' },
      take: limit,
    });
  }

  async setDisabled(id: string, disabled: boolean): Promise<void> {
    await this.checkpoints.update({ id }, { disabled });
  }

  async insertDevice(row: DeviceCredentialEntity): Promise<void> {
    await this.devices.insert(row);
  }

  findDevice(id: string): Promise<DeviceCredentialEntity | null> {
    return this.devices.findOne({ where: { id } });
  }

  listDevices(checkpointId: string): Promise<DeviceCredentialEntity[]> {
    return this.devices.find({ where: { checkpointId }, order: { createdAt: 'DESC' } });
  }

  async revokeDevice(id: string, at: Date): Promise<void> {
    await this.devices.update({ id }, { revokedAt: at });
  }
}
