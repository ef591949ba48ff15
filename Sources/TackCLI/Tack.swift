import ArgumentParser

/// `tack`: GitOps and progressive delivery on Kubernetes, wire-compatible with Flux and Flagger.
public struct Tack: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "tack",
    abstract: "GitOps and progressive delivery for Kubernetes, compatible with Flux and Flagger.",
    discussion: """
      Exit codes: 0 success, 1 error, 3 timed out waiting, 4 the resource reported failure, \
      5 not found, 64 usage error, 130 interrupted, 141 the reader of stdout went away (as a \
      shell reports SIGPIPE). tack diff, like diff(1) and flux diff: 1 differences found, 2 error.
      """,
    version: TackVersion.current,
    subcommands: [
      Get.self, Export.self, Build.self, Diff.self, Kustomize.self, Version.self, Completion.self, GenerateDocs.self,
      Reconcile.self,
      Suspend.self,
      Resume.self,
      Canary.self,
      Promote.self,
      Bootstrap.self,
      Install.self,
      Create.self,
      Delete.self,
      Uninstall.self,
      Check.self,
      Secrets.self,
      Events.self,
      Stats.self,
      Tree.self,
      Trace.self,
      Logs.self,
      Debug.self,
      UI.self,
      Push.self,
      Pull.self,
      Tag.self,
      List.self,
    ])

  public init() {}
}
