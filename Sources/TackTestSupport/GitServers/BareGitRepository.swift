import Foundation

/// A bare repository on disk: the remote for `file://` tests and the storage behind the SSH and
/// HTTPS test servers. Inspected and changed with the real `git` CLI, so tests check tack's
/// results with an independent implementation.
public struct BareGitRepository: Sendable {
  /// Absolute path of the bare repository (`…/name.git`).
  public let path: String
  private let scratch: TemporaryDirectory

  /// An empty bare repository `name.git` inside `directory` (a fresh temp dir by default).
  public init(name: String = "fleet", in directory: String? = nil, initialBranch: String = "main") throws {
    scratch = try TemporaryDirectory(prefix: "tack-bare")
    let parent = directory ?? scratch.path
    path = parent + "/" + name + ".git"
    try ProcessRunner.output(["git", "init", "--quiet", "--bare", "--initial-branch", initialBranch, path])
  }

  /// A bare repository someone else made (a hosting double's), at `path`.
  public init(existing path: String) throws {
    scratch = try TemporaryDirectory(prefix: "tack-bare")
    self.path = path
  }

  /// `file://` URL.
  public var fileURL: String { "file://" + path }

  public func remove() {
    try? FileManager.default.removeItem(atPath: path)
    scratch.remove()
  }

  // MARK: changing the remote behind tack's back

  /// Commits `files` (path → contents; nil deletes) and `symbolicLinks` (path → target) on
  /// `branch` and pushes it, as another user would. Creates the branch if needed. Returns the new commit id.
  @discardableResult
  public func commit(
    files: [String: String?], symbolicLinks: [String: String] = [:], message: String, branch: String = "main",
    author: (name: String, email: String) = ("Someone Else", "someone@example.com")
  ) throws -> String {
    let work = try TemporaryDirectory(prefix: "tack-work")
    defer { work.remove() }
    let env = [
      "GIT_AUTHOR_NAME": author.name, "GIT_AUTHOR_EMAIL": author.email,
      "GIT_COMMITTER_NAME": author.name, "GIT_COMMITTER_EMAIL": author.email,
    ]
    try ProcessRunner.output(["git", "init", "--quiet", "--initial-branch", branch, work.path])
    try ProcessRunner.output(["git", "remote", "add", "origin", path], in: work.path)
    if branches.contains(branch) {
      try ProcessRunner.output(["git", "fetch", "--quiet", "origin", branch], in: work.path)
      try ProcessRunner.output(["git", "reset", "--quiet", "--hard", "FETCH_HEAD"], in: work.path)
    }
    for (file, contents) in files {
      let full = work.path + "/" + file
      if let contents {
        try FileManager.default.createDirectory(
          atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try contents.write(toFile: full, atomically: true, encoding: .utf8)
      } else {
        try? FileManager.default.removeItem(atPath: full)
      }
    }
    // Links as a hostile repository commits them (path → target), pointing anywhere.
    for (link, target) in symbolicLinks {
      let full = work.path + "/" + link
      try FileManager.default.createDirectory(
        atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: target)
    }
    try ProcessRunner.output(["git", "add", "--all"], in: work.path)
    try ProcessRunner.output(["git", "commit", "--quiet", "--allow-empty", "-m", message], in: work.path, environment: env)
    try ProcessRunner.output(["git", "push", "--quiet", "origin", "HEAD:refs/heads/\(branch)"], in: work.path)
    return try ProcessRunner.output(["git", "rev-parse", "HEAD"], in: work.path).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  // MARK: inspecting

  public var branches: [String] {
    let out = (try? git(["for-each-ref", "--format=%(refname:short)", "refs/heads"])) ?? ""
    return out.split(separator: "\n").map(String.init)
  }

  /// The branch's commit id, or nil when it does not exist.
  public func tip(_ branch: String = "main") -> String? {
    guard let out = try? git(["rev-parse", "--verify", "--quiet", "refs/heads/\(branch)"]) else { return nil }
    let id = out.trimmingCharacters(in: .whitespacesAndNewlines)
    return id.isEmpty ? nil : id
  }

  /// A file's contents at the branch tip, or nil.
  public func file(_ file: String, branch: String = "main") -> String? {
    try? git(["show", "\(branch):\(file)"])
  }

  public struct Commit: Sendable, Equatable {
    public var id: String
    public var subject: String
    public var body: String
    public var authorName: String
    public var authorEmail: String
    public var committerName: String
  }

  /// Commits on the branch, newest first.
  public func log(_ branch: String = "main") throws -> [Commit] {
    let separator = "\u{1e}"
    let out = try git(["log", "--format=%H%x1f%s%x1f%b%x1f%an%x1f%ae%x1f%cn\(separator)", branch])
    return out.components(separatedBy: separator).compactMap { record in
      let fields = record.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: "\u{1f}")
      guard fields.count == 6 else { return nil }
      return Commit(
        id: fields[0], subject: fields[1], body: fields[2].trimmingCharacters(in: .whitespacesAndNewlines),
        authorName: fields[3], authorEmail: fields[4], committerName: fields[5])
    }
  }

  /// `git merge-base --is-ancestor`: was `ancestor` kept when the branch moved to `descendant`?
  public func isAncestor(_ ancestor: String, of descendant: String) -> Bool {
    (try? git(["merge-base", "--is-ancestor", ancestor, descendant])) != nil
  }

  /// Files at the branch tip.
  public func files(_ branch: String = "main") throws -> [String] {
    try git(["ls-tree", "-r", "--name-only", branch]).split(separator: "\n").map(String.init)
  }

  @discardableResult
  public func git(_ arguments: [String]) throws -> String {
    try ProcessRunner.output(["git", "--git-dir", path] + arguments)
  }
}
