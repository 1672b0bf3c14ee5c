export * from './knowledge.entities';
export * from './knowledge.module';
export * from './knowledge-http.module';
export * from './queries/match-faqs/match-faqs.query';
export * from './queries/match-faqs/faq-match.view';
