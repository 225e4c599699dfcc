import { XMLParser } from 'fast-xml-parser';

/**
 * The one place that says how raqib parses XML it did not write (sanctions lists, pacs.008, news feeds):
 * a DOCTYPE or ENTITY declaration is refused before parsing, and the parser never expands entities, so
 * neither external entities (XXE) nor entity expansion (billion laughs) can happen. Values stay the text of
 * the document (no number or boolean parsing: amounts, account numbers and reference ids keep leading zeros);
 * each reader decodes the five predefined and numeric character references itself, after parsing.
 */
const REFUSED_DECLARATION = /<!DOCTYPE|<!ENTITY/i;

/** True when the text holds a DOCTYPE or ENTITY declaration, which no reader of raqib accepts. */
export function hasRefusedDeclaration(xml: string): boolean {
  return REFUSED_DECLARATION.test(xml);
}

/** What a reader may choose; everything that concerns safety is fixed by {@link createSafeXmlParser}. */
export interface SafeXmlParserOptions {
  /** Prefix of attribute keys in the parsed object (`@` or `@_`). */
  attributeNamePrefix: string;
  /** Drop namespace prefixes from element names (`ns:GrpHdr` → `GrpHdr`). */
  removeNSPrefix?: boolean;
  /** Elements always parsed as arrays, even when they occur once. */
  isArray?: (name: string) => boolean;
}

/** A fast-xml-parser instance with entity processing off and values kept as text. */
export function createSafeXmlParser(options: SafeXmlParserOptions): XMLParser {
  const isArray = options.isArray;
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: options.attributeNamePrefix,
    removeNSPrefix: options.removeNSPrefix ?? false,
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ...(isArray === undefined ? {} : { isArray: (name: string) => isArray(name) }),
  });
}
