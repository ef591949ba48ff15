import Synchronization
import TackBase
import TackHTTP

/// A bearer token kept in a file (`tokenFile`, projected service-account tokens). The file is re-read
/// whenever it changes (size, mtime or inode), so rotation is picked up without a restart; a 401
/// forces a re-read.
public final class TokenFileSource: CredentialSource {
  public let path: String
  private let cache = Mutex<(stamp: LocalFiles.Stamp, token: String)?>(nil)

  public init(path: String) { self.path = path }

  public func credentials() async throws -> RequestCredentials {
    RequestCredentials(authorization: "Bearer \(try token(force: false))")
  }

  public func rejected(_ used: RequestCredentials) async throws -> Bool {
    let fresh = try token(force: true)
    return used.authorization != "Bearer \(fresh)"
  }

  func token(force: Bool) throws -> String {
    let stamp = LocalFiles.stamp(path)
    if !force, let stamp, let cached = cache.withLock({ $0 }), cached.stamp == stamp { return cached.token }
    let text: String
    do {
      text = try LocalFiles.readText(path)
    } catch {
      throw KubeConfigError.badCredentialFile(source: "tokenFile \(path)", reason: "cannot read it: \(error.reason)")
    }
    let token = text.trimming(" \n\r\t")
    guard !token.isEmpty else {
      throw KubeConfigError.badCredentialFile(source: "tokenFile \(path)", reason: "the file is empty")
    }
    if let stamp { cache.withLock { $0 = (stamp, token) } }
    return token
  }
}
