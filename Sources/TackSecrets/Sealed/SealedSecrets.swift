import Crypto
import TackJSON

/// How far a sealed value may travel: kubeseal's three scopes, each binding the value to an
/// RSA-OAEP label.
public enum SealingScope: String, Sendable, CaseIterable {
  case strict
  case namespaceWide = "namespace-wide"
  case clusterWide = "cluster-wide"

  public static let namespaceWideAnnotation = "sealedsecrets.bitnami.com/namespace-wide"
  public static let clusterWideAnnotation = "sealedsecrets.bitnami.com/cluster-wide"

  /// `namespace/name`, `namespace` or empty.
  public func label(namespace: String, name: String) -> [UInt8] {
    switch self {
    case .strict: Array("\(namespace)/\(name)".utf8)
    case .namespaceWide: Array(namespace.utf8)
    case .clusterWide: []
    }
  }

  /// The scope an object's annotations ask for; cluster-wide wins over namespace-wide.
  public static func of(annotations: JSONObject?) -> SealingScope {
    if annotations?[clusterWideAnnotation]?.stringValue == "true" { return .clusterWide }
    if annotations?[namespaceWideAnnotation]?.stringValue == "true" { return .namespaceWide }
    return .strict
  }

  /// `annotations` with the scope annotations set for this scope and the others removed.
  func applied(to annotations: JSONObject) -> JSONObject {
    var result = annotations
    _ = result.removeValue(forKey: Self.namespaceWideAnnotation)
    _ = result.removeValue(forKey: Self.clusterWideAnnotation)
    switch self {
    case .strict: break
    case .namespaceWide: result[Self.namespaceWideAnnotation] = "true"
    case .clusterWide: result[Self.clusterWideAnnotation] = "true"
    }
    return result
  }
}

/// Sealed Secrets' value format: `u16be(len) ‖ RSA-OAEP-SHA256(session key, label) ‖
/// AES-256-GCM(session key, zero nonce)(value)`.
public enum SealedSecretsCrypto {
  public static func seal(_ plaintext: [UInt8], label: [UInt8], publicKey: RSAPublicKeyNumbers) -> [UInt8] {
    let sessionKey = SecureRandom.bytes(32)
    // A 32-byte key always fits under OAEP for any modulus the certificate check admits.
    let wrapped = RSAOAEP.encrypt(sessionKey, label: label, key: publicKey)!
    // Each value has its own session key, so the fixed zero nonce is never reused with a key.
    let box = try! AES.GCM.seal(plaintext, using: SymmetricKey(data: sessionKey), nonce: AES.GCM.Nonce(data: [UInt8](repeating: 0, count: 12)))
    return [UInt8(wrapped.count >> 8), UInt8(wrapped.count & 0xFF)] + wrapped + Array(box.ciphertext) + Array(box.tag)
  }
}
