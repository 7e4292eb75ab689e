import { INSTAGRAM_REPLY_FACTS } from '#server/channels/meta/messaging';
import { graphMessagingAdapter } from '#server/channels/meta/messagingAdapter';

/** Instagram Direct: Meta's webhook in (messages, read receipts), the Graph Send API out. */
export const instagramAdapter = graphMessagingAdapter('instagram', INSTAGRAM_REPLY_FACTS);
