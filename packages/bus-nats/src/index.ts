export { NatsBus, type NatsBusOptions, redactNatsUrl } from './nats-bus.ts';
