/** The shape of a service's closed route table and of its multipart and list rules. */
import type { Refusal } from '../errors.js';

export type ApiName = 'lightfield' | 'llamacloud' | 'xai';

/** What a request does, as `authorize` and the logger see it. */
export type Operation =
  | 'create'
  | 'complete'
  | 'cancel'
  | 'retrieve'
  | 'list'
  | 'url'
  | 'upload'
  | 'delete'
  | 'content';

export type RateCategory = 'read' | 'write' | 'search';

/** Checks one query value; returns why it is refused, or undefined when it is fine. */
export type ValueCheck = (value: string) => string | undefined;

export interface QueryRule {
  check: ValueCheck;
  /** The parameter may appear more than once (`file_ids=a&file_ids=b`). @default false */
  repeatable?: boolean;
  /**
   * A filter or sort upstream applies to the organisation's whole list. A non-admin's list is
   * built from the ownership store, where it cannot apply, so it is refused for them (400).
   */
  filter?: boolean;
  /** Chosen by the proxy's configuration (LlamaCloud's project and organisation). @default false */
  serverSide?: boolean;
}

export type JsonObject = Record<string, unknown>;

export type BodyRule =
  | { kind: 'none' }
  /** Parses and re-builds the body; a string is why it is refused (400 invalid_field and kin). */
  | { kind: 'json'; optional: boolean; parse(body: unknown): JsonObject | Refusal }
  | { kind: 'multipart' };

export interface RouteSpec {
  operation: Operation;
  method: 'GET' | 'POST' | 'DELETE';
  /** Segments after the base path; `:id` marks the file id. */
  path: readonly string[];
  category: RateCategory;
  /** `create`: the answer's id is recorded as the caller's; `owned`: caller must own `:id`; `list`: filtered. */
  access: 'create' | 'owned' | 'list';
  query: Readonly<Record<string, QueryRule>>;
  body: BodyRule;
  /** The answer is bytes, streamed back untouched (xAI content). @default false */
  stream?: boolean;
}

export interface MultipartField {
  required?: boolean;
  check: ValueCheck;
}

export interface MultipartSpec {
  /** The form fields that may precede the `file` part (and nothing may follow it). */
  fields: Readonly<Record<string, MultipartField>>;
  /** The largest cap of any purpose: a declared body above it is refused before reading. */
  largestFileBytes: number;
  /** Largest accepted file part, in bytes, given the leading fields (the purpose's cap). */
  maxFileBytes(fields: Readonly<Record<string, string>>): number;
}

export interface OwnPage {
  offset: number;
  limit: number;
  order: 'asc' | 'desc';
}

export interface OwnListSpec {
  /** Paging of a non-admin list, from the validated query. */
  page(query: URLSearchParams): OwnPage | Refusal;
  /** The service's list answer for one page of the caller's own files. */
  render(items: unknown[], page: OwnPage, total: number): unknown;
}

export interface ServiceSpec {
  api: ApiName;
  /** The service's public base URL. */
  defaultUpstream: string;
  /** What a file id must look like: no dots, slashes, percent signs or backslashes can pass. */
  idPattern: RegExp;
  routes: readonly RouteSpec[];
  multipart?: MultipartSpec;
  ownList: OwnListSpec;
  /** The created file's id in a create/upload answer. */
  createdId(answer: unknown): string | undefined;
  /** Whether a create/upload asks for something only admins may do (knowledge_workspace). */
  adminOnly?(fields: Readonly<JsonObject>): boolean;
  /** How to undo a created file the proxy could not record (so nothing is left behind). */
  undo: { method: 'POST' | 'DELETE'; path(id: string): string; body?: string };
}
