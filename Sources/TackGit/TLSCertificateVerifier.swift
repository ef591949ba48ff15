import SwiftASN1
import X509

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Checks an HTTPS server's certificate against a caller's CA bundle (`--ca-file`).
///
/// libgit2 1.5 on mbedTLS only has a process-wide CA location, and mbedTLS 2.28 cannot match IP
/// address SANs, so with a custom CA tack decides itself in the certificate_check callback. libgit2
/// hands over only the server's leaf certificate, so every certificate in the bundle (root or
/// intermediate) is a trust anchor, as in curl's `--cacert`. The check is synchronous because it
/// runs inside a C callback.
struct TLSCertificateVerifier {
  let authorities: [Certificate]

  init(pem: String) throws(GitError) {
    let documents: [PEMDocument]
    do {
      documents = try PEMDocument.parseMultiple(pemString: pem)
    } catch {
      throw GitError(.certificateInvalid, "the CA bundle is not PEM: \(error)")
    }
    var authorities: [Certificate] = []
    for document in documents where document.discriminator == "CERTIFICATE" {
      do {
        authorities.append(try Certificate(derEncoded: document.derBytes))
      } catch {
        throw GitError(.certificateInvalid, "the CA bundle has a certificate that cannot be parsed: \(error)")
      }
    }
    guard !authorities.isEmpty else {
      throw GitError(.certificateInvalid, "the CA bundle holds no certificate")
    }
    self.authorities = authorities
  }

  /// nil when the certificate is trusted for `host`, else the reason it is not.
  func verify(leafDER: [UInt8], host: String, now: Date = Date()) -> String? {
    let leaf: Certificate
    do {
      leaf = try Certificate(derEncoded: leafDER)
    } catch {
      return "the server sent a certificate that cannot be parsed"
    }
    if now < leaf.notValidBefore { return "the server certificate is not valid yet" }
    if now > leaf.notValidAfter { return "the server certificate has expired" }
    let issuers = authorities.filter { $0.subject == leaf.issuer }
    guard !issuers.isEmpty else {
      return "the server certificate was issued by \(leaf.issuer), which is not in the CA bundle"
    }
    guard
      let issuer = issuers.first(where: { $0.publicKey.isValidSignature(leaf.signature, for: leaf) })
    else {
      return "the server certificate's signature does not verify with the CA bundle"
    }
    if now > issuer.notValidAfter || now < issuer.notValidBefore {
      return "the CA certificate \(issuer.subject) is outside its validity period"
    }
    if !Self.certificate(leaf, matches: host) {
      return "the server certificate is not valid for \(host)"
    }
    return nil
  }

  static func certificate(_ certificate: Certificate, matches host: String) -> Bool {
    let names: [GeneralName] = ((try? certificate.extensions.subjectAlternativeNames) ?? nil).map(Array.init) ?? []
    if let address = ipAddressBytes(host) {
      return names.contains { name in
        if case .ipAddress(let octets) = name { return Array(octets.bytes) == address }
        return false
      }
    }
    let lowered = host.lowercased()
    var dnsNames: [String] = names.compactMap { name in
      if case .dnsName(let dns) = name { return dns.lowercased() }
      return nil
    }
    if names.isEmpty {
      // Only certificates without any SAN fall back to the common name (RFC 6125).
      for rdn in certificate.subject {
        for attribute in rdn where attribute.type == .RDNAttributeType.commonName {
          dnsNames.append(String(describing: attribute.value).lowercased())
        }
      }
    }
    return dnsNames.contains { dnsName(pattern: $0, matches: lowered) }
  }

  /// `*.example.com` matches exactly one leftmost label.
  static func dnsName(pattern: String, matches host: String) -> Bool {
    if pattern.hasPrefix("*.") {
      guard let dot = host.firstIndex(of: ".") else { return false }
      return host[host.index(after: dot)...] == pattern.dropFirst(2) && dot != host.startIndex
    }
    return pattern == host
  }

  static func ipAddressBytes(_ host: String) -> [UInt8]? {
    var v4 = in_addr()
    if inet_pton(AF_INET, host, &v4) == 1 {
      return withUnsafeBytes(of: &v4) { Array($0) }
    }
    var v6 = in6_addr()
    if inet_pton(AF_INET6, host, &v6) == 1 {
      return withUnsafeBytes(of: &v6) { Array($0) }
    }
    return nil
  }
}
