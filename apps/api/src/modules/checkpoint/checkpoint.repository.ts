import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Like, type Repository } from 'typeorm';

import type { Color } from '@healthcode/contracts';

import { runInTransaction, type TransactionWork } from '../../database/transaction.util';

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

  transaction<T>(work: TransactionWork<T>): Promise<T> {
    return runInTransaction(this.checkpoints.manager, work);
  }

  /** Reads and locks one checkpoint for a change. */
  lock(m: EntityManager, id: string): Promise<CheckpointEntity | null> {
    return m.getRepository(CheckpointEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async setAdmission(m: EntityManager, id: string, admits: Color[], peerAdmits: Color[] | null): Promise<void> {
    await m.getRepository(CheckpointEntity).update({ id }, { admits, peerAdmits });
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
