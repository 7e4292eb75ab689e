import { queryOptions, useQuery } from '@tanstack/react-query';
import { PredictionCalibrationSchema } from '#shared/schemas/predictions';
import { api } from './http';

/** Calibration of the promised waits over the last `days` days, per team and channel (leads and up). */
export const predictionCalibrationQuery = (days: number) =>
  queryOptions({
    queryKey: ['metrics', 'predictions', days] as const,
    queryFn: ({ signal }) => {
      const to = Date.now();
      return api(`/api/metrics/predictions?from=${to - days * 86_400_000}&to=${to}`, PredictionCalibrationSchema, {
        signal,
      });
    },
  });

/** The calibration report. */
export function usePredictionCalibration(days: number) {
  return useQuery(predictionCalibrationQuery(days));
}
