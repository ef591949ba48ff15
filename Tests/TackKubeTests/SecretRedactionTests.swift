import Foundation
import TackBase
import Testing

@testable import TackKube

/// Kubeconfig errors name the file, the cluster and the field, never a credential in it.
@Suite struct KubeconfigSecretRedactionTests {
  static let token = "kube-token-5f4dcc3b5aa765d61d8327deb882cf99"
  static let password = "s3cr3t-Pa55word"

  func message(_ kubeconfig: String) throws -> String {
    let dir = TempDirectory()
    defer { dir.cleanup() }
    let path = dir.write("config", kubeconfig)
    do {
      _ = try ClientConfig.resolve(try KubeConfigLoader(explicitPath: path, environment: [:]).load())
    } catch let error as any TackError {
      return error.description
    }
    Issue.record("the kubeconfig must be refused")
    return ""
  }

  /// A server URL with `user:password@` and a bad port: the message names the server without the password.
  @Test func serverURLWithAPasswordIsRedacted() throws {
    let text = try message(
      """
      apiVersion: v1
      kind: Config
      current-context: c
      clusters:
      - name: c
        cluster:
          server: https://admin:\(Self.password)@api.example:99999
      users:
      - name: u
        user:
          token: \(Self.token)
      contexts:
      - name: c
        context: {cluster: c, user: u}
      """)
    #expect(text.contains("api.example"))
    #expect(text.contains("https://admin@api.example:99999"))
    #expect(!text.contains(Self.password))
    #expect(!text.contains(Self.token))
  }

  /// YAML errors do not reprint the offending line (Yams' snippet would carry the token).
  @Test func yamlErrorsDoNotQuoteTheToken() throws {
    let text = try message(
      """
      apiVersion: v1
      users:
      - name: u
        user:
          token: "\(Self.token)
          password: [\(Self.password)
      """)
    #expect(text.contains("not valid YAML"))
    #expect(!text.contains(Self.token))
    #expect(!text.contains(Self.password))
  }

  /// A token of the wrong type is named by its field, not shown.
  @Test func wrongTypedTokenIsNamedNotShown() throws {
    let text = try message(
      """
      apiVersion: v1
      kind: Config
      current-context: c
      clusters:
      - name: c
        cluster: {server: "https://api.example"}
      users:
      - name: u
        user:
          token: [\(Self.token)]
      contexts:
      - name: c
        context: {cluster: c, user: u}
      """)
    #expect(text.contains("token"))
    #expect(!text.contains(Self.token))
  }

  @Test func redactionKeepsTheUserAndHost() {
    #expect(URLPasswordRedaction.redacting("see https://u:p@h:1/x?q and ssh://git:pw@h/r") == "see https://u@h:1/x?q and ssh://git@h/r")
    #expect(URLPasswordRedaction.redacting("https://h/x") == "https://h/x")
    #expect(URLPasswordRedaction.redacting("https://token@h/x") == "https://token@h/x")
  }
}
