import Testing

@testable import TackCore

/// Which GitRepository a checkout is: the same host and path, however the URL is written.
@Suite struct RepositoryOriginTests {
  @Test(arguments: [
    ("git@github.com:acme/fleet.git", "https://github.com/acme/fleet", true),
    ("https://GitHub.com/acme/fleet/", "ssh://git@github.com:22/acme/fleet.git", true),
    ("https://user:token@gitlab.example/group/sub/fleet.git", "https://gitlab.example/group/sub/fleet", true),
    ("file:///srv/git/fleet.git", "file:///srv/git/fleet", true),
    ("git@github.com:acme/fleet.git", "https://github.com/acme/fleet-2", false),
    ("git@github.com:acme/fleet.git", "https://github.com/Acme/fleet", false),
    ("https://github.com/acme/fleet", "not a url", false),
  ])
  func matching(_ origin: String, _ url: String, _ same: Bool) throws {
    let parsed = try #require(RepositoryOrigin(url: origin))
    #expect(parsed.matches(url) == same)
  }

  @Test func aPasswordInTheOriginIsNeverPrinted() throws {
    let origin = try #require(RepositoryOrigin(url: "https://bot:hunter2@example.com/fleet.git"))
    #expect(!origin.description.contains("hunter2"))
  }

  @Test func theOriginRemoteOfAConfig() {
    let config = """
      [core]
      \tbare = false
      [remote "upstream"]
      \turl = https://example.com/upstream.git
      [remote "origin"]
      \turl = git@example.com:team/fleet.git
      \tfetch = +refs/heads/*:refs/remotes/origin/*
      """
    #expect(RepositoryOrigin.originURL(inConfig: config) == "git@example.com:team/fleet.git")
    #expect(RepositoryOrigin.originURL(inConfig: "[core]\n") == nil)
  }

  @Test(arguments: [
    ("./apps", "/repo/apps"), ("apps/../infra", "/repo/infra"), ("", "/repo"), ("./", "/repo"),
    ("./clusters/prod/", "/repo/clusters/prod"),
  ])
  func specPathsResolveUnderTheRoot(_ path: String, _ expected: String) {
    #expect(RepositoryDiff.directory(path, under: "/repo") == expected)
  }

  @Test(arguments: ["../elsewhere", "./apps/../../etc"])
  func specPathsCannotClimbOut(_ path: String) {
    #expect(RepositoryDiff.directory(path, under: "/repo") == nil)
  }
}
