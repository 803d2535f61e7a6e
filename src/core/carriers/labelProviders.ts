/** The label providers Shipsheet knows, by the id Settings `label-provider` and Shipments `provider` hold. */
import type { CarrierPlugin } from './plugin';
import { sampleLabelProvider, SAMPLE_PROVIDER_ID } from './sampleProvider';

const FACTORIES: Readonly<Record<string, () => CarrierPlugin>> = {
  [SAMPLE_PROVIDER_ID]: sampleLabelProvider,
};

export function labelProviderIds(): string[] {
  return Object.keys(FACTORIES);
}

export function labelProvider(id: string): CarrierPlugin | undefined {
  return FACTORIES[id.trim().toLowerCase()]?.();
}
