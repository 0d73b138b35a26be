/** The alerts module's public entry (docs/alerts.md): the engine, its hub and webhook, and the resolvers. */
export { evaluate, startEngine, type Engine, type PassReport } from './alerts.engine.ts';
export { AlertHub } from './alerts.hub.ts';
export { AlertWebhook, sign, verifySignature } from './alerts.webhook.ts';
export { markCount } from './alerts.repository.ts';
export { resolvers } from './alerts.resolvers.ts';
