import Foundation
import TackBase
import TackJSON
import TackTestSupport
import Testing

@testable import TackKube

/// A syntactically valid PEM certificate/key for load-time checks (a DER SEQUENCE { INTEGER 0 }).
let fakeCertPEM = "-----BEGIN CERTIFICATE-----\nMAMCAQA=\n-----END CERTIFICATE-----\n"
let fakeKeyPEM = "-----BEGIN PRIVATE KEY-----\nMAMCAQA=\n-----END PRIVATE KEY-----\n"
let fakeCertData = Base64.encode(Array(fakeCertPEM.utf8))
let fakeKeyData = Base64.encode(Array(fakeKeyPEM.utf8))

@Suite struct KubeConfigTests {
  let first = """
    apiVersion: v1
    kind: Config
    current-context: dev
    clusters:
    - name: dev
      cluster:
        server: https://dev.example:6443
        certificate-authority: certs/ca.crt
    - name: shared
      cluster:
        server: https://first.example
    users:
    - name: dev-user
      user:
        token: s3cr3t-token-first
    - name: exec-user
      user:
        exec:
          apiVersion: client.authentication.k8s.io/v1
          command: ./bin/login
          args: [--cluster, dev]
          env: [{name: SECRET_ENV, value: hunter2}]
          interactiveMode: Never
    contexts:
    - name: dev
      context: {cluster: dev, user: dev-user, namespace: apps}
    """

  let second = """
    apiVersion: v1
    kind: Config
    current-context: prod
    clusters:
    - name: shared
      cluster:
        server: https://second.example
        insecure-skip-tls-verify: true
    - name: prod
      cluster:
        server: https://prod.example
        certificate-authority-data: \(fakeCertData)
        tls-server-name: api.prod.internal
        proxy-url: socks5://user:pw@proxy.example:1080
    users:
    - name: dev-user
      user:
        token: should-not-win
    - name: prod-user
      user:
        client-certificate-data: \(fakeCertData)
        client-key-data: \(fakeKeyData)
        username: admin
        password: p4ssw0rd
    contexts:
    - name: prod
      context: {cluster: prod, user: prod-user}
    """

  @Test func mergesKubeconfigListFirstFileWins() throws {
    let dir = TempDirectory()
    defer { dir.cleanup() }
    let a = dir.write("a/config", first)
    let b = dir.write("b/config", second)
    let loaded = try KubeConfigLoader(environment: ["KUBECONFIG": "\(a)::\(dir.path)/missing:\(b)", "HOME": "/nonexistent"]).load()
    #expect(loaded.files == [a, b])
    #expect(loaded.config.currentContext == "dev")
    #expect(loaded.config.clusters["shared"]?.server == "https://first.example")
    #expect(loaded.config.users["dev-user"]?.token == "s3cr3t-token-first")
    #expect(loaded.config.clusters["prod"]?.origin == b)
    // Relative paths resolve against the defining file's directory.
    #expect(loaded.config.clusters["dev"]?.certificateAuthority == "\(dir.path)/a/certs/ca.crt")
    #expect(loaded.config.users["exec-user"]?.exec?.command == "\(dir.path)/a/bin/login")

    let printed = loaded.config.description.replacingOccurrences(of: dir.path, with: "$TMP")
    try GoldenFile.verify(printed, at: GoldenFile.path("merged-kubeconfig.yaml"))
    for secret in ["s3cr3t-token-first", "p4ssw0rd", "hunter2", "pw@", fakeKeyData] {
      #expect(!printed.contains(secret))
    }
  }

  @Test func explicitKubeconfigOnlyThatFile() throws {
    let dir = TempDirectory()
    defer { dir.cleanup() }
    let b = dir.write("b", second)
    let loaded = try KubeConfigLoader(explicitPath: b, environment: ["KUBECONFIG": "/nope"]).load()
    #expect(loaded.config.currentContext == "prod")
    #expect(throws: KubeConfigError.fileNotFound(path: dir.path + "/missing")) {
      try KubeConfigLoader(explicitPath: dir.path + "/missing", environment: [:]).load()
    }
  }

  @Test func homeConfigIsTheDefault() throws {
    let dir = TempDirectory()
    defer { dir.cleanup() }
    dir.write(".kube/config", second)
    let loaded = try KubeConfigLoader(environment: ["HOME": dir.path]).load()
    #expect(loaded.config.currentContext == "prod")
  }

  @Test func inClusterWhenNothingElse() throws {
    let dir = TempDirectory()
    defer { dir.cleanup() }
    dir.write("sa/token", "in-cluster-token\n")
    dir.write("sa/ca.crt", fakeCertPEM)
    dir.write("sa/namespace", "flux-system\n")
    let env = ["HOME": dir.path, "KUBERNETES_SERVICE_HOST": "10.0.0.1", "KUBERNETES_SERVICE_PORT": "443"]
    let loaded = try KubeConfigLoader(environment: env, inClusterDirectory: dir.path + "/sa").load()
    #expect(loaded.inCluster?.server == "https://10.0.0.1:443")
    let config = try ClientConfig.resolve(loaded)
    #expect(config.server.hostPort == "10.0.0.1:443")
    #expect(config.namespace == "flux-system")
    #expect(config.credentials == .tokenFile(path: dir.path + "/sa/token"))
    #expect(config.tls.certificateAuthority == Array(fakeCertPEM.utf8))
    // No service host: no configuration at all.
    #expect(throws: KubeConfigError.noConfiguration) {
      try ClientConfig.resolve(try KubeConfigLoader(environment: ["HOME": dir.path], inClusterDirectory: dir.path + "/sa").load())
    }
  }

  @Test func badFilesNameTheFileAndField() throws {
    let dir = TempDirectory()
    defer { dir.cleanup() }
    let garbage = dir.write("garbage", "clusters: [\n  - {{{")
    #expect(throws: KubeConfigError.self) { try KubeConfigLoader(explicitPath: garbage, environment: [:]).load() }
    do {
      _ = try KubeConfigLoader(explicitPath: garbage, environment: [:]).load()
    } catch {
      #expect(error.description.hasPrefix("kubeconfig \(garbage): not valid YAML"))
      #expect(!error.description.contains("\n"))
    }

    let badBase64 = dir.write(
      "b64", "users:\n- name: u\n  user:\n    client-key-data: not*base64\n")
    #expect(throws: KubeConfigError.invalidField(path: badBase64, field: "users[u].user.client-key-data", reason: "is not valid base64")) {
      try KubeConfigLoader(explicitPath: badBase64, environment: [:]).load()
    }

    let wrongType = dir.write("type", "clusters:\n- name: c\n  cluster:\n    server: [1]\n")
    #expect(throws: KubeConfigError.invalidField(path: wrongType, field: "clusters[c].cluster.server", reason: "expected a string, found a list")) {
      try KubeConfigLoader(explicitPath: wrongType, environment: [:]).load()
    }
  }

  @Test func unknownContextClusterUser() throws {
    let config = try KubeConfig.parse(second, path: "/k")
    let loaded = LoadedKubeConfig(config: config, files: ["/k"])
    #expect(throws: KubeConfigError.contextNotFound(name: "nope", path: "/k")) {
      try ClientConfig.resolve(loaded, overrides: KubeConfigOverrides(context: "nope"))
    }
    #expect(throws: KubeConfigError.clusterNotFound(name: "nope", context: "prod")) {
      try ClientConfig.resolve(loaded, overrides: KubeConfigOverrides(cluster: "nope"))
    }
    #expect(throws: KubeConfigError.userNotFound(name: "nope", context: "prod")) {
      try ClientConfig.resolve(loaded, overrides: KubeConfigOverrides(user: "nope"))
    }
    #expect(KubeConfigError.contextNotFound(name: "nope", path: "/k").description == "context \"nope\" does not exist in kubeconfig /k")
  }

  @Test func certificateThatDoesNotParse() throws {
    let text = """
      current-context: c
      clusters: [{name: c, cluster: {server: "https://x", certificate-authority-data: \(Base64.encode(Array("hello".utf8)))}}]
      contexts: [{name: c, context: {cluster: c}}]
      """
    let loaded = LoadedKubeConfig(config: try KubeConfig.parse(text, path: "/k"), files: ["/k"])
    #expect(throws: KubeConfigError.self) { try ClientConfig.resolve(loaded) }
    do {
      _ = try ClientConfig.resolve(loaded)
    } catch {
      #expect(
        error.description
          == "kubeconfig /k: clusters[c].cluster.certificate-authority-data: not a PEM certificate: no PEM data found (expected -----BEGIN ...-----)")
    }
  }

  @Test func missingCertificateFileIsNamed() throws {
    let text = """
      current-context: c
      clusters: [{name: c, cluster: {server: "https://x", certificate-authority: /nonexistent/ca.crt}}]
      contexts: [{name: c, context: {cluster: c}}]
      """
    let loaded = LoadedKubeConfig(config: try KubeConfig.parse(text, path: "/k"), files: ["/k"])
    #expect(throws: KubeConfigError.badCredentialFile(source: "certificate-authority /nonexistent/ca.crt", reason: "cannot read it: no such file or directory")) {
      try ClientConfig.resolve(loaded)
    }
  }

  @Test func legacyAuthProviderNamesReplacement() throws {
    let text = """
      current-context: c
      clusters: [{name: c, cluster: {server: "https://x"}}]
      users: [{name: gke, user: {auth-provider: {name: gcp, config: {access-token: abc}}}}]
      contexts: [{name: c, context: {cluster: c, user: gke}}]
      """
    let loaded = LoadedKubeConfig(config: try KubeConfig.parse(text, path: "/k"), files: ["/k"])
    do {
      _ = try ClientConfig.resolve(loaded)
      Issue.record("expected an error")
    } catch {
      #expect(error.description.contains("gke-gcloud-auth-plugin"))
      #expect(error.description.contains("\"gcp\" auth-provider"))
      #expect(!error.description.contains("abc"))
    }
  }

  @Test func overridesApplyAsKubectl() throws {
    let dir = TempDirectory()
    defer { dir.cleanup() }
    let ca = dir.write("ca.pem", fakeCertPEM)
    let loaded = LoadedKubeConfig(config: try KubeConfig.parse(second, path: "/k"), files: ["/k"])
    let resolved = try ClientConfig.resolve(loaded)
    #expect(resolved.contextName == "prod")
    #expect(resolved.tls.serverName == "api.prod.internal")
    #expect(resolved.proxyURL == "socks5://user:pw@proxy.example:1080")
    #expect(resolved.tls.clientCertificate == Array(fakeCertPEM.utf8))
    #expect(resolved.credentials == .basic(username: "admin", password: "p4ssw0rd"))
    #expect(!resolved.description.contains("p4ssw0rd"))
    #expect(!resolved.description.contains("pw@"))

    let overridden = try ClientConfig.resolve(
      loaded,
      overrides: KubeConfigOverrides(
        user: "dev-user", server: "https://other:7443", token: "flag-token", certificateAuthority: ca, impersonate: "jane",
        impersonateGroups: ["ops"], requestTimeout: .seconds(3)))
    #expect(overridden.server.hostPort == "other:7443")
    #expect(overridden.tls.serverName == nil)  // a new --server drops the old tls-server-name
    #expect(overridden.tls.certificateAuthority == Array(fakeCertPEM.utf8))
    #expect(overridden.impersonation?.headers.map(\.1) == ["jane", "ops"])
    #expect(overridden.requestTimeout == .seconds(3))
    #expect(overridden.credentials == .bearerToken("flag-token"))
    // token + basic auth conflict, as in client-go
    #expect(throws: KubeConfigError.self) {
      _ = try ClientConfig.resolve(loaded, overrides: KubeConfigOverrides(user: "prod-user", token: "t"))
    }
    // insecure flag drops the CA
    let insecure = try ClientConfig.resolve(loaded, overrides: KubeConfigOverrides(insecureSkipTLSVerify: true))
    #expect(insecure.tls.certificateAuthority == nil)
    #expect(insecure.tls.insecureSkipVerify)
  }

  @Test func serverWithoutKubeconfig() throws {
    let resolved = try ClientConfig.resolve(
      LoadedKubeConfig(config: KubeConfig(), files: []),
      overrides: KubeConfigOverrides(server: "127.0.0.1:8443", token: "t"))
    #expect(resolved.server == ServerURL(scheme: "https", host: "127.0.0.1", port: 8443))
    #expect(resolved.credentials == .bearerToken("t"))
    #expect("\(resolved.credentials)" == "bearerToken(REDACTED)")
  }

  @Test func execValidation() throws {
    let text = """
      current-context: c
      clusters: [{name: c, cluster: {server: "https://x"}}]
      users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: foo}}}]
      contexts: [{name: c, context: {cluster: c, user: u}}]
      """
    let loaded = LoadedKubeConfig(config: try KubeConfig.parse(text, path: "/k"), files: ["/k"])
    do {
      _ = try ClientConfig.resolve(loaded)
      Issue.record("v1 without interactiveMode must fail")
    } catch {
      #expect(error.description.contains("users[u].user.exec.interactiveMode"))
    }
  }

  @Test func serverURLParsing() throws {
    #expect(try ServerURL(parsing: "https://h") == ServerURL(scheme: "https", host: "h", port: 443))
    #expect(try ServerURL(parsing: "http://h:80/prefix/") == ServerURL(scheme: "http", host: "h", port: 80, basePath: "/prefix"))
    #expect(try ServerURL(parsing: "https://[::1]:6443").bareHost == "::1")
    #expect(throws: ServerURL.ParseError.self) { try ServerURL(parsing: "ftp://h") }
    #expect(throws: ServerURL.ParseError.self) { try ServerURL(parsing: "https://h:99999") }
  }
}
