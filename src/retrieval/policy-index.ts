/**
 * The hybrid policy index: BM25 over jieba terms and HNSW vector search
 * (LangChain HNSWLib), fused by reciprocal rank. Built from the restored
 * pieces (`listPieces()`), one entry per item or article text, each carrying
 * its chapter and article heading so that a question about 申报条件 finds
 * 第六条（三） through its lead 「…应具备以下条件」.
 */
import type { Logger } from "pino";
import { POLICIES } from "../knowledge/policy-catalog.ts";
import type { PolicyPiece } from "../knowledge/policy-piece.types.ts";
import { asksForCondition, clauseKindTerms, isKindTerm, kindStretches, questionKindTerms } from "./answer-kinds.ts";
import { createBm25Index, type Bm25Hit, type WeightedTerm } from "./bm25-index.ts";
import { coverageOf, createCoverageTable } from "./coverage-table.ts";
import type { EmbeddingChoice } from "./create-embeddings.ts";
import { CONTACT_DETAILS, DOMAIN_TERMS, FRAMING_WORDS, JURISDICTION_WORDS, STOPWORDS, SYNONYMS } from "./domain-terms.ts";
import { LocalHashEmbeddings } from "./local-embeddings.ts";
import type { Passage, PolicyIndex, QueryProfile, SearchOptions } from "./passage.types.ts";
import { loadOrBuildVectorStore, type VectorEntry } from "./persisted-vector-store.ts";
import { reciprocalRankFusion } from "./reciprocal-rank-fusion.ts";
import { createTypoCorrector } from "./correct-typos.ts";
import { getTokenizer, normalizeText } from "./tokenizer.ts";
import { COMMON_IDF, createTopicCoverage, isRuleAttribute, type WeightedWord } from "./topic-coverage.ts";
import { recentMemo } from "./recent-memo.ts";
import { doubtSpans } from "./hearsay.ts";
import { withoutSpans } from "./message-clauses.ts";
import { askFocus, NOUN_LIKE } from "./ask-focus.ts";
import { definedShortNames, fullNamesUsedIn } from "./defined-short-names.ts";

export interface PolicyIndexDeps {
  pieces: readonly PolicyPiece[];
  /** local or OpenAI-compatible (see create-embeddings.ts) */
  embedding: EmbeddingChoice;
  /** where the vector store is persisted (`<dataDir>/policy-index`); undefined = memory only */
  directory?: string;
  logger?: Logger;
}

/** Query-word weights in the keyword list: a sub-word or a synonym says less than the word itself. */
const SUBWORD_WEIGHT = 0.5;
const SYNONYM_WEIGHT = 0.6;
/** Query weight of the answer kind (`#basis`, `#qty:家` …), relative to a word of the question. */
const KIND_QUERY_WEIGHT = 1;
/** Query weight of a word told only in the story around an ask of its own (WeightedWord.scene). */
const SCENE_QUERY_WEIGHT = 0.5;
/** Query weight of a framing word (申报 in 「申报需要什么条件」, see FRAMING_WORDS). */
const FRAMING_QUERY_WEIGHT = 0.25;
/** RRF constant; small because the corpus is small and the first ranks matter most. */
const RRF_K = 20;
/**
 * The vector list counts half as much as the keyword list: the local
 * embedding (hashed n-grams) ranks every piece, also when nothing in it is
 * close, and at full weight that noise outranked the clause the keywords found
 * (「浙江办法的制定依据是什么」 → 第一条 「根据…制订本办法」).
 */
const VECTOR_WEIGHT = 0.5;
const VECTOR_CANDIDATES = 30;
/** Weights of the coverage rerank, relative to the best fused rank score (1). */
const ARTICLE_COVERAGE_WEIGHT = 0.5;
const PIECE_COVERAGE_WEIGHT = 0.25;

/** What both documents are, in the words people use for them. */
const DOCUMENT_KIND = "政策 政策文件";
const DOMAIN = new Set(DOMAIN_TERMS);
/**
 * An asked-for noun the texts never use decides a refusal only when it names
 * something specific. Below this general-Chinese IDF a noun names a general
 * notion that any clause of a rule can be read as (规定 4.9, 责任 6.0, 情况,
 * 内容); above it, a thing of its own (税收 6.8, 地址 7.7, 联系电话 9.7).
 * Verbs need COMMON_IDF (贴息 9.4 yes; everyday 落, 弄 no).
 */
const FOCUS_NOUN_MIN_IDF = 6.5;
/** Texts whose words and both ranked lists are kept: more than one answer asks about (its asks, sides and their clauses). */
const RECENT_QUERIES = 16;
const PHRASE_MEMO_SIZE = 4096;

/** A numeral with a period or count unit (一年, 两年, 一次, 一回, 每年度). */
const PERIOD_WORD = /^[一二两三四五六七八九十几每\d]+个?(年度?|次|回|月|季度)$/u;

/** Chapter without its number: "第六章 考核评价" → "考核评价". */
function chapterTitle(chapter: string | undefined): string {
  return chapter?.replace(/^第[一二三四五六七八九十]+章\s*/, "") ?? "";
}

/**
 * What is indexed for a piece: its chapter title, its article heading, for an
 * item its article's lead (「依托单位一般应具备以下条件」), then its own text.
 */
export function indexText(piece: PolicyPiece, articleLead: string | undefined): string {
  const parts = [chapterTitle(piece.chapter), piece.heading ?? ""];
  if (piece.item !== undefined && articleLead) parts.push(articleLead);
  parts.push(piece.text);
  return parts.filter(Boolean).join("\n");
}

/** Where `list` has its last entry that `is` accepts; −1 when none. */
function lastPlace<T>(list: readonly T[], is: (entry: T) => boolean): number {
  for (let r = list.length - 1; r >= 0; r--) if (is(list[r]!)) return r;
  return -1;
}

function articleKey(p: PolicyPiece): string {
  return `${p.doc}:${p.article}`;
}

/** Quotation marks around what an asker quotes from a text or names (“…”, 「…」, "…", 『…』). */
const QUOTED = /[“「『"]([^”」』"]{2,40})[”」』"]/gu;

export async function createPolicyIndex(deps: PolicyIndexDeps): Promise<PolicyIndex> {
  const started = performance.now();
  const tokenizer = getTokenizer();
  const pieces = [...deps.pieces];
  // Filled below, before any question is weighed (the corpus terms need the pieces' terms).
  const corpusTerms = new Set<string>();
  const topic = createTopicCoverage(tokenizer, (word) => usedByTexts(word));
  const usedByTexts = (word: string): boolean => topic.match(word, corpusTerms) > 0;

  // An item's context is the own text of its article (the lead), when there is one.
  const leadByArticle = new Map<string, string>();
  for (const p of pieces) if (p.item === undefined) leadByArticle.set(articleKey(p), p.text);
  const texts = pieces.map((p) => indexText(p, leadByArticle.get(articleKey(p))));

  // Each piece's terms: its words and sub-words, plus the kinds of statement it makes (answer-kinds.ts).
  const docTerms = texts.map((t) => [...tokenizer.terms(t), ...clauseKindTerms(t)]);
  // What the piece itself states (an item's lead is quoted apart from it).
  const ownKinds = pieces.map((p) => clauseKindTerms(p.text));
  const kindsByDoc = new Map<string, Set<string>>();
  pieces.forEach((p, i) => {
    const kinds = kindsByDoc.get(p.doc) ?? new Set<string>();
    for (const k of ownKinds[i]!) kinds.add(k);
    kindsByDoc.set(p.doc, kinds);
  });
  const bm25 = createBm25Index(docTerms);

  // Coverage is judged per article (an item inherits its lead's and siblings'
  // words) and per piece. Every article also "speaks" its document's title and kind, so
  // 「管理办法由谁解释」 is covered by 第十七条 「本办法由…负责解释」.
  // Both are what the assistant calls 政策 (「两份政策」), so every article also speaks of its 政策.
  const titleTerms = new Map(
    Object.values(POLICIES).map((m) => [m.id, tokenizer.terms(`${m.title} ${m.shortName} ${DOCUMENT_KIND}`)] as const),
  );
  const pieceTerms: Set<string>[] = [];
  const articleTerms = new Map<string, Set<string>>();
  // A synonym the texts write as a phrase no dictionary holds (代理人 → 专利代理师) is matched where the
  // phrase stands in the text, as a word the piece contains.
  const phrases = [...new Set(Object.values(SYNONYMS).flat())].filter((s) => !isKindTerm(s) && s.length > 1);
  // A short name a document defines (《建设方案》) also speaks the full name's words.
  const shortNames = new Map<string, ReturnType<typeof definedShortNames>>();
  for (const p of pieces) shortNames.set(p.doc, [...(shortNames.get(p.doc) ?? []), ...definedShortNames(p.text)]);
  pieces.forEach((p, i) => {
    const own = new Set([
      ...docTerms[i]!,
      ...fullNamesUsedIn(p.text, shortNames.get(p.doc)!).flatMap((full) => tokenizer.terms(full)),
      ...tokenizer.containedWords(texts[i]!),
      ...phrases.filter((s) => texts[i]!.includes(s)),
      ...(titleTerms.get(p.doc) ?? []),
    ]);
    pieceTerms.push(own);
    const set = articleTerms.get(articleKey(p)) ?? new Set<string>();
    for (const t of own) {
      set.add(t);
      corpusTerms.add(t);
    }
    articleTerms.set(articleKey(p), set);
  });

  const embeddings = deps.embedding.forCorpus(texts);
  const entries: VectorEntry[] = pieces.map((p, i) => ({ id: p.id, text: texts[i]! }));
  const { store, loadedFromDisk, directory } = await loadOrBuildVectorStore(
    entries,
    embeddings,
    deps.embedding.id,
    deps.directory,
  );
  const indexById = new Map(pieces.map((p, i) => [p.id, i]));
  /** A piece's place in the ranking's tie-break (its id's index: the last piece of a repeated id). */
  const tieOrder = pieces.map((p) => indexById.get(p.id)!);
  const local = embeddings instanceof LocalHashEmbeddings ? embeddings : undefined;
  const ms = performance.now() - started;
  deps.logger?.debug({ pieces: pieces.length, loadedFromDisk, ms: Math.round(ms) }, "policy index ready");

  // Every term set coverage is judged against — each piece's, each article's, the
  // corpus' — has a column; a question word's match against all of them is worked
  // out once and kept (coverage-table.ts), since the sets never change after this
  // point and the same words come back in question after question.
  const articleColumn = new Map<string, number>();
  const coverageSets: ReadonlySet<string>[] = [...pieceTerms];
  for (const [key, set] of articleTerms) {
    articleColumn.set(key, coverageSets.length);
    coverageSets.push(set);
  }
  const pieceArticleColumn = pieces.map((p) => articleColumn.get(articleKey(p))!);
  const corpusColumn = coverageSets.length;
  coverageSets.push(corpusTerms);
  const table = createCoverageTable(topic, coverageSets);
  // One answer asks about the same text more than once (its profile after its
  // search, a side again for its own figure); the last few texts' words are kept.
  const recentWords = recentMemo<WeightedWord[]>(RECENT_QUERIES);
  const weightedWords = (query: string): WeightedWord[] => recentWords(query, () => topic.weightedWords(query));

  /** Each everyday form of a question (挑出来) with the plainer word it is read as (挑). */
  const plainerForms = (query: string): Map<string, string> =>
    new Map(weightedWords(query).flatMap((w) => (w.matchAs ? [[w.word, w.matchAs] as const] : [])));

  function keywordQuery(query: string): WeightedTerm[] {
    const out: WeightedTerm[] = [];
    const kinds = questionKindTerms(query);
    const framed = asksForCondition(kinds);
    // A word told only in the story around an ask for something of its own (askText) ranks lightly.
    const scene = topic.askText(query) === query ? new Set<string>() : new Set(weightedWords(query).filter((w) => w.scene).map((w) => w.word));
    // An everyday form (挑出来, 批下来) is searched as its plainer word too, as coverage matches it (topic-coverage.ts).
    const plainer = plainerForms(query);
    for (const word of tokenizer.topicWords(query)) {
      const w = (framed && FRAMING_WORDS.has(word) ? FRAMING_QUERY_WEIGHT : 1) * (scene.has(word) ? SCENE_QUERY_WEIGHT : 1);
      out.push({ term: word, weight: w });
      for (const s of tokenizer.subWords(word)) out.push({ term: s, weight: SUBWORD_WEIGHT * w });
      for (const s of SYNONYMS[word] ?? []) out.push({ term: s, weight: SYNONYM_WEIGHT * w });
      const base = plainer.get(word);
      if (base) for (const s of [base, ...(SYNONYMS[base] ?? [])]) out.push({ term: s, weight: (s === base ? SUBWORD_WEIGHT : SYNONYM_WEIGHT) * w });
    }
    for (const k of kinds) out.push({ term: k, weight: KIND_QUERY_WEIGHT });
    return out;
  }

  const corpusText = pieces.map((p) => normalizeText(p.text)).join("\n");
  const policyTitles = Object.values(POLICIES).map((m) => `${m.title} ${m.shortName}`).join("\n");
  const typos = createTypoCorrector({
    vocabulary: [...DOMAIN_TERMS, ...JURISDICTION_WORDS, ...tokenizer.containedWords(`${corpusText}\n${policyTitles}`)],
    corpus: `${corpusText}\n${policyTitles}`,
    isKnownWord: (w) => tokenizer.isGeneralWord(w),
    wordStarts: (text) => tokenizer.wordStarts(text),
    // A stopword that is a noun (事, 人) is a content character for all that: 事范区 is 示范区 mistyped.
    isFunctionWord: (c) => STOPWORDS.has(c) && !tokenizer.tagOf(c).startsWith("n"),
  });

  // Searching the whole corpus text for a phrase costs tens of microseconds; phrases recur.
  const phraseFound = recentMemo<boolean>(PHRASE_MEMO_SIZE);
  const inCorpus = (phrase: string): boolean => phraseFound(phrase, () => corpusText.includes(phrase));

  /** The topic words inside the quotation marks of a question. */
  function quotedWords(query: string): string[] {
    return [...query.matchAll(QUOTED)].flatMap((m) => tokenizer.topicWords(m[1]!)).filter((w) => w.length >= 2);
  }

  function cuesOf(asked: string, kinds: readonly string[]): string[] {
    const cues = new Set<string>();
    // Words that doubt what was heard (「是真的吗」「是不是听岔了」: hearsay.ts) point at no sentence.
    const query = withoutSpans(asked, doubtSpans(asked));
    // A period asked as a choice (「一年给一次还是只给一回」) is the `#period` kind: its numerals
    // point at no sentence (一次 is also in 一次性), as in the question's weighted words.
    const periodAsked = kinds.includes("#period");
    // An everyday form (挑出来) points where its plainer word's text words stand (挑 → 择优遴选).
    const plainer = plainerForms(query);
    for (const w of tokenizer.topicWords(query)) {
      for (const s of SYNONYMS[plainer.get(w) ?? ""] ?? []) if (!isKindTerm(s) && s.length >= 2) cues.add(s);
      if (periodAsked && PERIOD_WORD.test(w)) continue;
      if (w.length < 2 && !/\d/.test(w)) {
        // A one-character everyday word stands for the text words it is read as (砸 → 不合格).
        for (const s of SYNONYMS[w] ?? []) if (!isKindTerm(s) && s.length >= 2) cues.add(s);
        continue;
      }
      cues.add(w);
      for (const s of SYNONYMS[w] ?? []) if (!isKindTerm(s)) cues.add(s);
      for (const s of tokenizer.subWords(w)) cues.add(s);
    }
    // Neighbouring words the texts use together (不/合格 → 不合格) point at the sentence meant.
    const words = tokenizer.words(query);
    for (let i = 0; i + 1 < words.length; i++) {
      for (const phrase of [words[i]! + words[i + 1]!, words[i]! + words[i + 1]! + (words[i + 2] ?? "")]) {
        if (phrase.length >= 3 && inCorpus(phrase)) cues.add(phrase);
      }
    }
    return [...cues];
  }

  /** A focus word (and the plainer word of an everyday form), its synonyms, and its sub-words that end it (the head of a compound: 支持 of 资金支持). */
  function focusCuesOf(forms: readonly string[]): string[] {
    const cues = new Set<string>();
    for (const w of forms) {
      if (w.length < 2) continue;
      cues.add(w);
      for (const s of SYNONYMS[w] ?? []) if (!isKindTerm(s)) cues.add(s);
      for (const s of tokenizer.subWords(w)) if (s.length >= 2 && w.endsWith(s)) cues.add(s);
    }
    return [...cues];
  }

  // A search's rerank scores, one slot per piece, written after its last await (so searches that
  // interleave never read each other's). An object per candidate — up to every piece, each with its
  // numbers boxed — was ~6 KB of every search.
  const rows = { score: new Float64Array(pieces.length), coverage: new Float64Array(pieces.length), pieceCoverage: new Float64Array(pieces.length) };

  const recentKeyword = recentMemo<Bm25Hit[]>(RECENT_QUERIES);
  const recentVectorHits = recentMemo<{ i: number; similarity: number }[]>(RECENT_QUERIES);
  async function recentVector(query: string): Promise<{ i: number; similarity: number }[]> {
    const kept = recentVectorHits.peek(query);
    if (kept) return kept;
    // A story told around the ask (「…市局的小姐姐打电话来说要准备考核材料…隔多久考一回」) would pull the
    // embedding towards its own words; the ask is what is embedded.
    const hits = await vectorHits(topic.askText(query));
    // A failed remote embedding returns nothing; that is not kept.
    if (hits.length > 0) recentVectorHits(query, () => hits);
    return hits;
  }

  async function vectorHits(query: string): Promise<{ i: number; similarity: number }[]> {
    try {
      const vector = local ? local.embedSync(query) : await embeddings.embedQuery(query);
      const k = Math.min(VECTOR_CANDIDATES, pieces.length);
      const results = await store.similaritySearchVectorWithScore(vector, k);
      return results.flatMap(([doc, distance]) => {
        const i = indexById.get(String(doc.metadata.id));
        // HNSWLib's cosine space returns a distance: 1 − cosine similarity.
        return i === undefined ? [] : [{ i, similarity: Math.max(0, 1 - distance) }];
      });
    } catch (err) {
      // A remote embedding that fails must not take answers down: keyword search still works.
      deps.logger?.warn({ err: (err as Error).message }, "vector search failed; keyword results only");
      return [];
    }
  }

  return {
    pieces,
    embeddingId: deps.embedding.id,
    origin: { loadedFromDisk, ms, directory },

    correctTypos(query) {
      return typos.correct(query);
    },

    taggedWords(text) {
      return tokenizer.tagged(text);
    },

    statedKinds(doc) {
      return kindsByDoc.get(doc) ?? new Set<string>();
    },

    profile(query): QueryProfile {
      const words = weightedWords(query);
      // The kinds asked, as the weighing read them: a clause of the asker's story asks none (a year it states
      // is no date asked for).
      const kinds = words.filter((w) => isKindTerm(w.word)).map((w) => w.word);
      // The answer kind alone (「今天几号」 → #date) is no topic.
      const real = words.filter((w) => !isKindTerm(w.word));
      const known = real.filter((w) => table.matches(w)[corpusColumn]! > 0).map((w) => w.word);
      // The story's words (scene) say nothing of what is asked, nor of what the texts lack.
      const total = real.filter((w) => w.noun && !w.scene).reduce((a, w) => a + w.weight, 0);
      // A one-character noun (话 of 话说) is too ambiguous to say what is missing.
      const missing = real.filter((w) => w.noun && !w.scene && w.word.length > 1 && !known.includes(w.word)).sort((a, b) => b.weight - a.weight);
      const tagged = tokenizer.tagged(query);
      // A set phrase before 的 (「实打实的好处」) describes the noun after it (topic-coverage.ts): no noun of its own.
      const describes = new Set(tagged.filter((t) => /^(i|l)$/.test(t.tag) && query.includes(`${t.word}的`)).map((t) => t.word));
      const nounLike = (w: { word: string; tag: string }): boolean => DOMAIN.has(w.word) || (!describes.has(w.word) && NOUN_LIKE.test(topic.effectiveTag(w.word, w.tag)));
      const topicWords = new Set(real.map((w) => w.word));
      const focus = askFocus(tagged, nounLike).map((i) => tagged[i]!);
      // An everyday form is as specific as the word it is built on (看不懂 is 看, an everyday verb).
      const idfOf = (word: string): number => tokenizer.generalIdf(real.find((r) => r.word === word)?.matchAs ?? word);
      // A way to reach an office asked for, alone or as a compound's head (咨询电话: a phone number), is never stated.
      const asksContact = (word: string): boolean => [...CONTACT_DETAILS].some((c) => word.endsWith(c));
      const missingFocus = focus
        .filter((w) => topicWords.has(w.word) && w.word.length > 1 && !isRuleAttribute(w.word))
        .filter((w) => asksContact(w.word) || (!known.includes(w.word) && idfOf(w.word) >= (nounLike(w) ? FOCUS_NOUN_MIN_IDF : COMMON_IDF)))
        .map((w) => w.word);
      return {
        missingNouns: missing.map((w) => w.word),
        missingFocus,
        // An everyday form (批下来) is found in the texts as its plainer word (批).
        focusCues: [
          ...focus
            .filter((w) => known.includes(w.word) && !kindStretches(query).some((k) => k.includes(w.word)))
            .map((w) => focusCuesOf([w.word, ...real.filter((r) => r.word === w.word && r.matchAs).map((r) => r.matchAs!)])),
          // What the asker quotes (「“与国家法律法规冲突时以国家法律法规为准”这句话，浙江也有吗」「“专利清零”行动」) is what
          // they ask about: its words the texts use, each.
          ...quotedWords(query).filter((w) => known.includes(w) && !focus.some((f) => f.word === w)).map((w) => focusCuesOf([w])),
        ].filter((group) => group.length > 0),
        missingNounShare: total === 0 ? 0 : missing.reduce((a, w) => a + w.weight, 0) / total,
        topicWords: real.map((w) => w.word),
        knownWords: known,
        unknownWords: real.map((w) => w.word).filter((w) => !known.includes(w)),
        corpusCoverage: coverageOf(words, words.map((w) => table.matches(w)), corpusColumn),
        cues: cuesOf(query, kinds),
        kinds,
      };
    },

    jointCoverage(query, ids) {
      const terms = new Set<string>();
      for (const id of ids) {
        const i = indexById.get(id);
        if (i !== undefined) for (const t of articleTerms.get(articleKey(pieces[i]!))!) terms.add(t);
      }
      return topic.coverage(weightedWords(query), terms);
    },

    async search(query, k, options: SearchOptions = {}) {
      const allowed = options.docs && options.docs.length > 0 ? new Set(options.docs) : undefined;
      const keep = (i: number): boolean => !allowed || allowed.has(pieces[i]!.doc);

      // Both lists are ranked over all pieces and filtered after, so they do not depend on the options
      // (and without a filter they are used as kept, not copied).
      const keywordAll = recentKeyword(query, () => bm25.search(keywordQuery(query), pieces.length));
      const vectorAll = await recentVector(query);
      const keyword = allowed ? keywordAll.filter((h) => keep(h.doc)) : keywordAll;
      const vector = allowed ? vectorAll.filter((h) => keep(h.i)) : vectorAll;
      const fused = reciprocalRankFusion([{ keys: keyword.map((h) => h.doc) }, { keys: vector.map((h) => h.i), weight: VECTOR_WEIGHT }], RRF_K);
      const words = weightedWords(query);
      const columns = words.map((w) => table.matches(w));

      // Rerank: the fused rank, plus how much of the question the piece's
      // article and the piece itself cover (the top RRF score is (1 + VECTOR_WEIGHT) / (RRF_K + 1)).
      // Scored first, and only the k best made into passages.
      const top = (1 + VECTOR_WEIGHT) / (RRF_K + 1);
      const candidates: number[] = [];
      for (const [i, rrf] of fused) {
        const coverage = coverageOf(words, columns, pieceArticleColumn[i]!);
        const pieceCoverage = coverageOf(words, columns, i);
        rows.coverage[i] = coverage;
        rows.pieceCoverage[i] = pieceCoverage;
        rows.score[i] = rrf / top + ARTICLE_COVERAGE_WEIGHT * coverage + PIECE_COVERAGE_WEIGHT * pieceCoverage;
        candidates.push(i);
      }
      candidates.sort((a, b) => rows.score[b]! - rows.score[a]! || tieOrder[a]! - tieOrder[b]!);
      const best = candidates.slice(0, k);
      // Ranks are looked up for the passages returned only. A piece twice in a list (a repeated
      // id) has the rank of its last place there.
      return best.map((i): Passage => {
        const keywordAt = lastPlace(keyword, (h) => h.doc === i);
        const vectorAt = lastPlace(vector, (h) => h.i === i);
        return {
          ...pieces[i]!,
          score: rows.score[i]!,
          keywordRank: keywordAt < 0 ? undefined : keywordAt + 1,
          vectorRank: vectorAt < 0 ? undefined : vectorAt + 1,
          similarity: vectorAt < 0 ? 0 : vector[vectorAt]!.similarity,
          coverage: rows.coverage[i]!,
          pieceCoverage: rows.pieceCoverage[i]!,
          kinds: ownKinds[i]!,
        };
      });
    },
  };
}
