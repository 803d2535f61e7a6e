/** Every `shipsheet` command; each issue adds its own register function here. */
import type { Command } from 'commander';
import { registerCheckStock } from './checkStockCommand';
import { registerChooseCarriers } from './chooseCarriersCommand';
import { registerDemo } from './demoCommand';
import { registerGoogle } from './googleCommand';
import { registerImport } from './importCommand';
import { registerInit } from './initCommand';
import { registerReport } from './reportCommand';
import { registerSchedule } from './scheduleCommand';
import { registerLabels } from './labelsCommand';
import { registerSync } from './syncCommand';
import { registerValidateTracking } from './validateTrackingCommand';
import { registerExport } from './exportCommand';
import { registerRecordTracking } from './recordTrackingCommand';
import { registerHealth } from './healthCommand';
import { registerRestockReturns } from './returnsCommand';
import { registerPurgePii } from './purgePiiCommand';
import { registerTrack } from './trackCommand';
import { registerConfirmShipments } from './confirmShipmentsCommand';

export const COMMANDS: ReadonlyArray<(program: Command) => void> = [
  registerDemo,
  registerInit,
  registerImport,
  registerCheckStock,
  registerReport,
  registerSchedule,
  registerLabels,
  registerSync,
  registerGoogle,
  registerValidateTracking,
  registerRecordTracking,
  registerExport,
  registerHealth,
  registerRestockReturns,
  registerPurgePii,
  registerTrack,
  registerChooseCarriers,
  registerConfirmShipments,
];
