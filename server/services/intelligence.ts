import { analyzeSentiment, type SentimentAdjust } from '#server/domain/sentiment';
import type { ServiceDeps } from './deps';
import { acknowledgeNewEpisode } from './acknowledge';
import type { InboundAnalysis, IngestHooks } from './ingest';
import { alertOnSentimentDrop } from './sentimentAlerts';
import { overlayFor } from './sentimentOverlay';
import { takeSurveyAnswer } from './surveys';
import { takeClosingCourtesy } from './courtesy';

/**
 * The ingest hooks of the intelligence layer: sentiment on every inbound message, survey
 * answers and closing courtesies that must not re-open a thread, the sentiment-drop alert for leads
 * (decided in the storing transaction, from what it wrote) and — after commit — the automatic
 * acknowledgement of a new episode.
 */
export function intelligenceHooks(deps: ServiceDeps, onQueued: () => void): IngestHooks {
  return {
    analyze: (text) => {
      // Without corrections the overlay adjusts nothing, and passing it would featurize every message for it.
      const overlay = overlayFor(deps.db);
      return analyzeInbound(text, overlay.size > 0 ? overlay : undefined);
    },
    isSurveyAnswer: (tx, thread, input) => takeSurveyAnswer(tx, thread, input, deps.now()),
    isClosingCourtesy: (tx, thread, input) => takeClosingCourtesy(tx, thread, input, deps.now()),
    whileStoring: (tx, emit, { thread, message, analysis }) => {
      if (!analysis) return;
      const mark = { score: message.sentimentScore, confidence: message.sentimentConfidence };
      alertOnSentimentDrop(tx, emit, { thread, messageId: message.id, at: message.sortTs, mark });
    },
    afterCommit: (result, input, analysis) => {
      if (result.surveyAnswer || result.closingCourtesy) return;
      if (
        result.newEpisode &&
        acknowledgeNewEpisode(deps, result.threadId, result.episodeId, input.channel, analysis?.language ?? null)
      )
        onQueued();
    },
  };
}

/**
 * Sentiment and language of one inbound text ('und' becomes null); `adjust` is the workspace's
 * adaptation learned from its agents' corrections.
 */
export function analyzeInbound(text: string, adjust?: SentimentAdjust): InboundAnalysis {
  const r = analyzeSentiment(text, adjust);
  return {
    score: r.score,
    label: r.label,
    language: r.language === 'und' ? null : r.language,
    confidence: r.confidence,
  };
}
