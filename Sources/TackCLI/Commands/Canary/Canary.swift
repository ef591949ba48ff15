import ArgumentParser

extension Tack {
  /// `tack canary status|abort|retry`: watch and steer Flagger canary releases.
  struct Canary: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Watch and steer Flagger canary releases.",
      discussion: """
        Flagger has no CLI of its own; these commands read a Canary, its workloads and its events, and steer it through Flagger's own levers (loadtester gates, skipAnalysis, the pod template). Promote with `tack promote canary NAME`; suspend and resume with `tack suspend|resume canary`.
        """,
      subcommands: [Status.self, Abort.self, Retry.self])
  }
}
