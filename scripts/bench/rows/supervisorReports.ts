import { defineRow } from '#scripts/bench/types';
import { measureReports } from './reports';

const DAY = 86_400_000;

/** The supervisor reports (docs/reports.md) over 90 days: per team, and per agent with the decile gap. */
export const supervisorReports = defineRow({
  id: 'supervisor-reports',
  fixture: 'workspace',
  measures: ['GET /api/reports/teams', 'GET /api/reports/agents', 'GET /api/reports/leading'],
  async run(f) {
    const to = f.manifest.anchor;
    const range = `from=${to - 90 * DAY}&to=${to}`;
    const cases = [
      { measure: 'GET /api/reports/teams, 90 days (team report)', path: `/api/reports/teams?${range}`, target: 500 },
      {
        measure: 'GET /api/reports/agents, 90 days (decile report, 4 periods of gap trend)',
        path: `/api/reports/agents?${range}&periods=4`,
        target: 500,
      },
      { measure: 'GET /api/reports/leading, 90 days', path: `/api/reports/leading?${range}` },
    ];
    return measureReports(f, cases);
  },
});
