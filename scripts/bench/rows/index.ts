import type { AnyRow } from '#scripts/bench/types';
import { apiChannel } from './apiChannel';
import { boardOpen } from './boardOpen';
import { inProcess } from './inProcess';
import { liveBoard } from './liveBoard';
import { sentiment } from './sentiment';
import { customerSearch } from './customerSearch';
import { search } from './search';
import { searchIndexCost } from './searchIndexCost';
import { exportStream } from './exportStream';
import { eventLoop } from './eventLoop';
import { inbox } from './inbox';
import { ingestClosed } from './ingestClosed';
import { ingestOpen } from './ingestOpen';
import { longThread } from './longThread';
import { manySockets } from './manySockets';
import { reports } from './reports';
import { supervisorReports } from './supervisorReports';
import { workspaceInfo } from './workspaceInfo';

/**
 * Every row of `npm run bench`, in the order they run and print. A new measure is one small module
 * added here; rows sharing a fixture should stay next to each other (it is set up once for them).
 */
export const ROWS: AnyRow[] = [
  sentiment,
  inProcess,
  searchIndexCost,
  liveBoard,
  boardOpen,
  ingestClosed,
  ingestOpen,
  apiChannel,
  manySockets,
  workspaceInfo,
  inbox,
  longThread,
  customerSearch,
  search,
  exportStream,
  reports,
  supervisorReports,
  eventLoop,
];
