/**
 * Callback security with Tencent's own @wecom/crypto: the signature is
 * checked first (sha1 over token, timestamp, nonce and the ciphertext), and
 * only a signed ciphertext is decrypted; the receive id appended to the
 * plaintext must be our corp id.
 */
import { timingSafeEqual } from "node:crypto";
import { decrypt, getSignature } from "@wecom/crypto";
import { WecomCallbackError } from "./wecom-errors.ts";

export interface CallbackSecrets {
  token: string;
  encodingAesKey: string;
  corpId: string;
}

export interface SignedParams {
  msg_signature: string;
  timestamp: string;
  nonce: string;
}

/** Throws `WecomCallbackError("bad-signature")` unless `signature` signs `encrypted`. */
export function verifySignature(secrets: CallbackSecrets, params: SignedParams, encrypted: string): void {
  const expected = Buffer.from(getSignature(secrets.token, params.timestamp, params.nonce, encrypted), "utf8");
  const given = Buffer.from(params.msg_signature.toLowerCase(), "utf8");
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new WecomCallbackError("bad-signature", 401, "msg_signature 不匹配");
  }
}

/** Decrypts a verified ciphertext and checks its receive id; returns the plaintext. */
export function openEnvelope(secrets: CallbackSecrets, encrypted: string): string {
  let opened: { message: string; id: string };
  try {
    opened = decrypt(secrets.encodingAesKey, encrypted);
  } catch (err) {
    throw new WecomCallbackError("undecryptable", 400, err instanceof Error ? err.message : String(err));
  }
  if (opened.id !== secrets.corpId) {
    throw new WecomCallbackError("wrong-receiver", 403, "receive id 与 WECOM_CORP_ID 不一致");
  }
  return opened.message;
}
