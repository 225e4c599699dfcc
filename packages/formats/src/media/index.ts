export * from './article-readers.ts';
export * from './customers-file.ts';
export * from './feed-reader.ts';
export * from './gazetteer-build.ts';
export * from './gazetteer-curate.ts';
export * from './media-eval.ts';
export * from './news-article.ts';
