export { FollowupPage } from './followup-page';
export { AttentionCard, FollowupNavBadge } from './attention';
