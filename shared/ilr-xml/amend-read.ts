// The parts of an ILR 2011-12 XML file an amendment is made from: the Header, the LearningProvider
// and each Learner, as small trees of elements, handed over one Message child at a time so only
// one learner is held while a file streams through. Element names are local (a prefix bound on
// Message is dropped), as the amendment is written in the default namespace. Pure.
import { SaxesParser } from 'saxes';
import type { SaxesTagPlain } from 'saxes';
import { ILR_2011_12_NAMESPACE } from './model';

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  /** The element's text when it has no child elements; '' otherwise. */
  text: string;
  children: XmlNode[];
}

export class AmendInputError extends Error {}

export interface MessageParts {
  header(node: XmlNode): void;
  provider(node: XmlNode): void;
  learner(node: XmlNode, line: number): void;
}

/** Reads one file's text, chunk by chunk; `what` names the file in refusals. */
export class MessageReader {
  private readonly parser = new SaxesParser<{ xmlns: false; position: true }>({
    xmlns: false,
    position: true,
  });
  private readonly open: XmlNode[] = [];
  private prefix: string | undefined;
  private line = 0;

  constructor(
    private readonly what: string,
    private readonly parts: MessageParts,
  ) {
    const p = this.parser;
    p.on('opentag', (tag: SaxesTagPlain) => this.onOpen(tag));
    p.on('text', (t: string) => {
      const top = this.open[this.open.length - 1];
      if (top) top.text += t;
    });
    p.on('cdata', (t: string) => {
      const top = this.open[this.open.length - 1];
      if (top) top.text += t;
    });
    p.on('closetag', () => this.onClose());
    p.on('error', (e: Error) => {
      throw new AmendInputError(
        `${this.what} is not well-formed XML (line ${p.line}: ${e.message.split('\n')[0]}).`,
      );
    });
  }

  write(chunk: string): void {
    this.parser.write(chunk.replace(/^\uFEFF/, ''));
  }

  end(): void {
    this.parser.close();
    if (this.prefix === undefined)
      throw new AmendInputError(`${this.what} has no Message element.`);
  }

  private local(name: string): string {
    const colon = name.indexOf(':');
    return colon < 0 ? name : name.slice(colon + 1);
  }

  private onOpen(tag: SaxesTagPlain): void {
    if (this.prefix === undefined) {
      const colon = tag.name.indexOf(':');
      this.prefix = colon < 0 ? '' : tag.name.slice(0, colon);
      const ns = tag.attributes[this.prefix ? `xmlns:${this.prefix}` : 'xmlns'];
      if (this.local(tag.name) !== 'Message' || ns !== ILR_2011_12_NAMESPACE)
        throw new AmendInputError(
          `${this.what} is not an ILR 2011-12 XML file (its root must be Message in the namespace ${ILR_2011_12_NAMESPACE}).`,
        );
      return;
    }
    if (this.open.length === 0) this.line = this.parser.line;
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes))
      if (k !== 'xmlns' && !k.startsWith('xmlns:')) attributes[k] = v as string;
    this.open.push({ name: this.local(tag.name), attributes, text: '', children: [] });
  }

  private onClose(): void {
    const node = this.open.pop();
    if (!node) return;
    if (node.children.length > 0) node.text = '';
    const parent = this.open[this.open.length - 1];
    if (parent) {
      parent.children.push(node);
      return;
    }
    if (node.name === 'Header') this.parts.header(node);
    else if (node.name === 'LearningProvider') this.parts.provider(node);
    else if (node.name === 'Learner') this.parts.learner(node, this.line);
  }
}

/** A child's text, trimmed; undefined when there is no such child. */
export function childText(node: XmlNode, ...path: string[]): string | undefined {
  let at: XmlNode | undefined = node;
  for (const name of path) at = at?.children.find((c) => c.name === name);
  return at?.text.trim();
}

/**
 * Every value of a learner, one entry per element without children, keyed by its path with each
 * repeated element numbered (LearningDelivery[2]/LearnStartDate[1]), values compared as text:
 * two learners are the same when these are.
 */
export function fieldsOf(node: XmlNode, base = ''): Map<string, string> {
  const out = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const [k, v] of Object.entries(node.attributes)) out.set(`${base}@${k}`, v);
  for (const c of node.children) {
    const n = (seen.get(c.name) ?? 0) + 1;
    seen.set(c.name, n);
    const path = `${base}${c.name}[${n}]`;
    if (c.children.length === 0 && Object.keys(c.attributes).length === 0) out.set(path, c.text);
    else for (const [k, v] of fieldsOf(c, `${path}/`)) out.set(k, v);
    if (c.children.length === 0 && Object.keys(c.attributes).length > 0) out.set(path, c.text);
  }
  return out;
}

/** The fields as one string, for comparing learners without keeping their trees. */
export function fingerprint(fields: Map<string, string>): string {
  return [...fields].map(([k, v]) => `${k}\u0001${v}`).join('\u0002');
}

const escapeText = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** The element as lines of XML, indented by tabs from `depth`. */
export function serialize(node: XmlNode, depth: number): string[] {
  const pad = '\t'.repeat(depth);
  const attrs = Object.entries(node.attributes)
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join('');
  if (node.children.length === 0)
    return [`${pad}<${node.name}${attrs}>${escapeText(node.text)}</${node.name}>`];
  return [
    `${pad}<${node.name}${attrs}>`,
    ...node.children.flatMap((c) => serialize(c, depth + 1)),
    `${pad}</${node.name}>`,
  ];
}
