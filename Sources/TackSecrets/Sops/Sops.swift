import Crypto

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// How `Sops.encrypt` encrypts a file.
public struct SopsEncryptionOptions: Sendable {
  public var recipients: [AgeX25519Recipient]
  /// nil picks `^(data|stringData)$` for a Kubernetes Secret and sops' default otherwise.
  public var cryptRule: SopsCryptRule?
  public var macOnlyEncrypted: Bool

  public init(recipients: [AgeX25519Recipient], cryptRule: SopsCryptRule? = nil, macOnlyEncrypted: Bool = false) {
    self.recipients = recipients
    self.cryptRule = cryptRule
    self.macOnlyEncrypted = macOnlyEncrypted
  }
}

/// SOPS encryption and decryption of YAML and JSON files with age keys, byte-compatible with the
/// Go sops binary and Flux's kustomize-controller.
public enum Sops {
  /// The crypt rule `encrypt` uses for `file` under `options`.
  public static func effectiveRule(for file: SopsFile, options: SopsEncryptionOptions) -> SopsCryptRule {
    options.cryptRule ?? (file.containsKubernetesSecret ? .kubernetesSecret : .default)
  }

  /// Encrypts a plaintext file: a fresh data key, wrapped for every recipient.
  public static func encrypt(_ file: SopsFile, options: SopsEncryptionOptions, now: Date = Date()) throws(SopsError) -> SopsFile {
    guard !options.recipients.isEmpty else {
      throw SopsError(.configuration, "no recipients: pass --age age1… or add a creation rule with age keys to .sops.yaml")
    }
    let dataKey = SecureRandom.bytes(32)
    var ageKeys: [SopsMetadata.AgeKey] = []
    for recipient in options.recipients {
      let wrapped: [UInt8]
      do {
        wrapped = try Age.encrypt(dataKey, to: [recipient], armored: true)
      } catch {
        // A recipient that cannot keep the key secret (a low-order point): refuse the whole file.
        throw SopsError(.configuration, error.description)
      }
      ageKeys.append(.init(recipient: recipient.description, encryptedDataKey: String(decoding: wrapped, as: UTF8.self)))
    }
    return try encrypt(
      file, dataKey: dataKey, ageKeys: ageKeys, rule: effectiveRule(for: file, options: options),
      macOnlyEncrypted: options.macOnlyEncrypted, lastModified: SopsMetadata.timestamp(now))
  }

  /// Encrypts with a given data key (the part tests pin down without the age layer).
  static func encrypt(
    _ file: SopsFile, dataKey: [UInt8], ageKeys: [SopsMetadata.AgeKey], rule: SopsCryptRule,
    macOnlyEncrypted: Bool, lastModified: String
  ) throws(SopsError) -> SopsFile {
    if file.isEncrypted {
      throw SopsError(.alreadyEncrypted, "the file is already encrypted (it has a top-level sops key); decrypt it first or edit it with sops")
    }
    if rule.isCommentRule {
      throw SopsError(.unsupported, "\(rule.metadataKey) is not supported: tack does not keep YAML comments; use encrypted_regex or a suffix rule")
    }
    let walker = SopsTreeWalker(
      cipher: SopsCipher(dataKey: dataKey), selector: try SopsLeafSelector(rule), macOnlyEncrypted: macOnlyEncrypted)
    var documents: [SopsNode] = []
    for document in file.documents {
      documents.append(try walker.encrypt(document))
    }
    let mac = walker.cipher.encrypt(Array(walker.macHex.utf8), type: "str", additionalData: Array(lastModified.utf8))
    let metadata = SopsMetadata(
      ageKeys: ageKeys, lastModified: lastModified, mac: mac, cryptRule: rule, macOnlyEncrypted: macOnlyEncrypted)
    var result = file
    result.documents = documents.map { $0.appending(SopsMember("sops", metadata.node)) }
    return result
  }

  /// The metadata of an encrypted file.
  public static func metadata(of file: SopsFile) throws(SopsError) -> SopsMetadata {
    guard let node = file.documents.first?["sops"] else {
      throw SopsError(.notEncrypted, "no sops metadata found: the file is not encrypted (or not with SOPS)")
    }
    return try SopsMetadata(node: node)
  }

  /// Unwraps the data key with the first identity that opens one of the age entries.
  public static func dataKey(for metadata: SopsMetadata, identities: [any AgeIdentity]) throws(SopsError) -> [UInt8] {
    var problems: [String] = []
    for key in metadata.ageKeys where !identities.isEmpty {
      do {
        let dataKey = try Age.decrypt(Array(key.encryptedDataKey.utf8), identities: identities, armored: true)
        guard dataKey.count == 32 else {
          problems.append("the entry for \(AgeKeys.quoted(key.recipient)) does not hold a 32-byte data key")
          continue
        }
        return dataKey
      } catch where error.kind == .noMatch {
        continue
      } catch {
        problems.append("the entry for \(AgeKeys.quoted(key.recipient)): \(error.description)")
      }
    }
    var message: String
    if metadata.ageKeys.isEmpty {
      message = "the file has no age keys"
    } else if identities.isEmpty {
      message = "no age identity found to decrypt the data key; set SOPS_AGE_KEY_FILE or SOPS_AGE_KEY, pass --identity, or put the key in ~/.config/sops/age/keys.txt"
    } else {
      // Recipients are public, but the field is only text in the file: quote only what looks like one.
      let recipients = metadata.ageKeys.map { AgeKeys.quoted($0.recipient, quotes: false) }.joined(separator: ", ")
      let who = identities.count == 1 ? "the age identity given cannot" : "none of the \(identities.count) age identities can"
      message = "\(who) decrypt the data key; the file is encrypted for \(recipients)"
    }
    if !metadata.otherKeyTypes.isEmpty {
      message += " (it also has \(metadata.otherKeyTypes.joined(separator: ", ")) keys, which tack does not support)"
    }
    if let problem = problems.first { message += "; \(problem)" }
    throw SopsError(.noDataKey, message)
  }

  /// Decrypts an encrypted file with age identities and verifies its MAC.
  public static func decrypt(_ file: SopsFile, identities: [any AgeIdentity], ignoreMAC: Bool = false) throws(SopsError) -> SopsFile {
    let metadata = try metadata(of: file)
    let key = try dataKey(for: metadata, identities: identities)
    return try decrypt(file, dataKey: key, metadata: metadata, ignoreMAC: ignoreMAC)
  }

  /// Decrypts with a known data key.
  static func decrypt(_ file: SopsFile, dataKey: [UInt8], metadata: SopsMetadata, ignoreMAC: Bool) throws(SopsError) -> SopsFile {
    let walker = SopsTreeWalker(
      cipher: SopsCipher(dataKey: dataKey), selector: try SopsLeafSelector(metadata.cryptRule),
      macOnlyEncrypted: metadata.macOnlyEncrypted)
    var documents: [SopsNode] = []
    for document in file.documents {
      documents.append(try walker.decrypt(document.removing(key: "sops")))
    }
    if !ignoreMAC {
      guard !metadata.mac.isEmpty else {
        throw SopsError(.macMismatch, "the file has no MAC; use --ignore-mac to decrypt it anyway")
      }
      let additionalData = Array((SopsMetadata.normalizedTimestamp(metadata.lastModified) ?? metadata.lastModified).utf8)
      guard let stored = try? walker.cipher.decrypt(metadata.mac, additionalData: additionalData) else {
        throw SopsError(.macMismatch, "the MAC does not decrypt: sops.mac or sops.lastmodified was changed; use --ignore-mac only if you trust the file")
      }
      guard String(decoding: stored.bytes, as: UTF8.self) == walker.macHex else {
        throw SopsError(.macMismatch, "MAC mismatch: the file was changed without re-encrypting it (a value, a key or an unencrypted field was edited); re-encrypt it, or use --ignore-mac only if you trust the change")
      }
    }
    var result = file
    result.documents = documents
    return result
  }
}

/// Walks a document in order, encrypting or decrypting leaves and hashing them for the MAC.
final class SopsTreeWalker {
  let cipher: SopsCipher
  let selector: SopsLeafSelector
  let macOnlyEncrypted: Bool
  private var hasher = SHA512()
  private var path: [String] = []

  init(cipher: SopsCipher, selector: SopsLeafSelector, macOnlyEncrypted: Bool) {
    self.cipher = cipher
    self.selector = selector
    self.macOnlyEncrypted = macOnlyEncrypted
    if macOnlyEncrypted { hasher.update(data: SopsMetadata.macOnlyEncryptedInitialization) }
  }

  /// The MAC over everything walked so far, as sops writes it (128 uppercase hex digits).
  var macHex: String { Hex.encode(hasher.finalize(), uppercase: true) }

  private func feed(_ value: SopsValue, encrypted: Bool) {
    guard !macOnlyEncrypted || encrypted, let bytes = value.plaintext else { return }
    hasher.update(data: bytes)
  }

  func encrypt(_ node: SopsNode) throws(SopsError) -> SopsNode {
    try mapScalars(node) { (node, value) throws(SopsError) -> SopsNode in
      let encrypted = selector.isEncrypted(path: path, currentValue: nil)
      feed(value, encrypted: encrypted)
      guard encrypted, value != .string(""), let plaintext = value.plaintext, let type = value.typeName else { return node }
      let text = cipher.encrypt(plaintext, type: type, additionalData: SopsCipher.additionalData(path))
      // ENC values are always plain-safe YAML, as sops writes them.
      return SopsNode(.scalar(.string(text)), style: .plain, literal: text)
    }
  }

  func decrypt(_ node: SopsNode) throws(SopsError) -> SopsNode {
    try mapScalars(node) { (node, value) throws(SopsError) -> SopsNode in
      let encrypted = selector.isEncrypted(path: path, currentValue: value)
      guard encrypted else {
        feed(value, encrypted: false)
        return node
      }
      guard case .string(let text) = value else {
        throw SopsError(.valueDecryption, "the value at \(SopsTreePath.display(path)) should be encrypted but is a plain \(value.typeName ?? "value"); re-encrypt the file")
      }
      if text.isEmpty {
        return node
      }
      let decrypted: (type: String, bytes: [UInt8])
      do throws(SopsCipher.Failure) {
        decrypted = try cipher.decrypt(text, additionalData: SopsCipher.additionalData(path))
      } catch .malformed {
        throw SopsError(.valueDecryption, "the value at \(SopsTreePath.display(path)) is not an ENC[AES256_GCM,…] value; it was edited by hand or the crypt rule changed")
      } catch {
        throw SopsError(.valueDecryption, "the value at \(SopsTreePath.display(path)) does not decrypt: it was tampered with, its key was renamed or moved, or it comes from another file")
      }
      guard let plain = SopsValue.decoded(type: decrypted.type, bytes: decrypted.bytes) else {
        throw SopsError(.valueDecryption, "the value at \(SopsTreePath.display(path)) has type \"\(decrypted.type)\" but its content is not of that type")
      }
      feed(plain, encrypted: true)
      return SopsNode(.scalar(plain))
    }
  }

  /// Rebuilds `node` with every scalar replaced by `leaf`'s answer, in document order, with `path`
  /// naming the scalar's place while `leaf` runs (the AAD and the selector read it).
  private func mapScalars(
    _ node: SopsNode, _ leaf: (SopsNode, SopsValue) throws(SopsError) -> SopsNode
  ) throws(SopsError) -> SopsNode {
    var result = node
    switch node.kind {
    case .mapping(let members):
      var out: [SopsMember] = []
      out.reserveCapacity(members.count)
      for member in members {
        path.append(member.key)
        var copy = member
        copy.value = try mapScalars(member.value, leaf)
        out.append(copy)
        path.removeLast()
      }
      result.kind = .mapping(out)
    case .sequence(let items):
      var out: [SopsNode] = []
      out.reserveCapacity(items.count)
      for item in items { out.append(try mapScalars(item, leaf)) }
      result.kind = .sequence(out)
    case .scalar(let value):
      guard value != .null else { return node }
      return try leaf(node, value)
    }
    return result
  }
}
