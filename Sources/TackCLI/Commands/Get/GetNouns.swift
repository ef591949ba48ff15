import ArgumentParser
import TackCore

/// The nouns of `tack get`, with flux's names and aliases from the kinds' noun table (`FluxKind.noun`).
enum GetCommands {
  /// Every noun command, in the order `tack get --help` lists them.
  static let subcommands: [any ParsableCommand.Type] = [
    All.self, Sources.self, Kustomizations.self, HelmReleases.self, Alerts.self, AlertProviders.self,
    Receivers.self, Images.self, Artifacts.self, Canaries.self, MetricTemplates.self, FlaggerAlertProviders.self,
  ]

  static func configuration(_ kind: FluxKind, discussion: String = "") -> CommandConfiguration {
    let spelling = kind.noun.spelling(for: .get)
    return CommandConfiguration(
      commandName: spelling.name, abstract: kind.getAbstract, discussion: discussion, aliases: spelling.aliases)
  }

  /// A group noun (`sources`, `images`, `artifacts`), named by the kinds' noun table.
  static func group(of kind: FluxKind, abstract: String, subcommands: [any ParsableCommand.Type])
    -> CommandConfiguration
  {
    let spelling = kind.noun.groupSpelling(for: .get)
    return CommandConfiguration(
      commandName: spelling?.name, abstract: abstract, subcommands: subcommands, aliases: spelling?.aliases ?? [])
  }

  struct All: GetNounCommand {
    static let configuration = CommandConfiguration(
      abstract: "Get all resources and statuses.",
      discussion: """
        Lists, in flux's order, sources (OCI, Bucket, Git, Helm, Chart, External), image objects \
        (repository, policy, update), HelmReleases, Kustomizations, Receivers, alert Providers and \
        Alerts, then ArtifactGenerators and Flagger's Canaries, MetricTemplates and AlertProviders. \
        Names read <kind>/<name>; each table is followed by a blank line; kinds the cluster does not \
        serve are skipped.
        """)
    static let kinds = FluxKind.catalog
    static let isAll = true
    @OptionGroup var options: GetCommandOptions
  }

  struct Sources: ParsableCommand {
    static let configuration = GetCommands.group(
      of: .gitRepository, abstract: "Get source statuses.",
      subcommands: [All.self, Git.self, OCI.self, Helm.self, Chart.self, Bucket.self, External.self])

    struct All: GetNounCommand {
      static let configuration = CommandConfiguration(abstract: "Get all source statuses.")
      static let kinds = FluxKind.kinds(under: "sources")
      static let isAll = true
      @OptionGroup var options: GetCommandOptions
    }
    struct Git: GetNounCommand {
      static let configuration = GetCommands.configuration(.gitRepository)
      static let kinds: [FluxKind] = [.gitRepository]
      @OptionGroup var options: GetCommandOptions
    }
    struct OCI: GetNounCommand {
      static let configuration = GetCommands.configuration(.ociRepository)
      static let kinds: [FluxKind] = [.ociRepository]
      @OptionGroup var options: GetCommandOptions
    }
    struct Helm: GetNounCommand {
      static let configuration = GetCommands.configuration(.helmRepository)
      static let kinds: [FluxKind] = [.helmRepository]
      @OptionGroup var options: GetCommandOptions
    }
    struct Chart: GetNounCommand {
      static let configuration = GetCommands.configuration(.helmChart)
      static let kinds: [FluxKind] = [.helmChart]
      @OptionGroup var options: GetCommandOptions
    }
    struct Bucket: GetNounCommand {
      static let configuration = GetCommands.configuration(.bucket)
      static let kinds: [FluxKind] = [.bucket]
      @OptionGroup var options: GetCommandOptions
    }
    struct External: GetNounCommand {
      static let configuration = GetCommands.configuration(.externalArtifact)
      static let kinds: [FluxKind] = [.externalArtifact]
      @OptionGroup var options: GetCommandOptions
    }
  }

  struct Kustomizations: GetNounCommand {
    static let configuration = GetCommands.configuration(.kustomization)
    static let kinds: [FluxKind] = [.kustomization]
    @OptionGroup var options: GetCommandOptions
    @Flag(help: "Show the source reference for each kustomization.")
    var showSource = false
  }

  struct HelmReleases: GetNounCommand {
    static let configuration = GetCommands.configuration(.helmRelease)
    static let kinds: [FluxKind] = [.helmRelease]
    @OptionGroup var options: GetCommandOptions
    @Flag(help: "Show the source reference for each helmrelease.")
    var showSource = false
  }

  struct Alerts: GetNounCommand {
    static let configuration = GetCommands.configuration(.alert)
    static let kinds: [FluxKind] = [.alert]
    @OptionGroup var options: GetCommandOptions
  }

  struct AlertProviders: GetNounCommand {
    static let configuration = GetCommands.configuration(.alertProvider)
    static let kinds: [FluxKind] = [.alertProvider]
    @OptionGroup var options: GetCommandOptions
  }

  struct Receivers: GetNounCommand {
    static let configuration = GetCommands.configuration(.receiver)
    static let kinds: [FluxKind] = [.receiver]
    @OptionGroup var options: GetCommandOptions
  }

  struct Images: ParsableCommand {
    static let configuration = GetCommands.group(
      of: .imagePolicy, abstract: "Get image automation object status.",
      subcommands: [All.self, Repository.self, Policy.self, Update.self])

    struct All: GetNounCommand {
      static let configuration = CommandConfiguration(abstract: "Get all image statuses.")
      static let kinds = FluxKind.kinds(under: "images")
      static let isAll = true
      @OptionGroup var options: GetCommandOptions
    }
    struct Repository: GetNounCommand {
      static let configuration = GetCommands.configuration(.imageRepository)
      static let kinds: [FluxKind] = [.imageRepository]
      @OptionGroup var options: GetCommandOptions
    }
    struct Policy: GetNounCommand {
      static let configuration = GetCommands.configuration(.imagePolicy)
      static let kinds: [FluxKind] = [.imagePolicy]
      @OptionGroup var options: GetCommandOptions
    }
    struct Update: GetNounCommand {
      static let configuration = GetCommands.configuration(.imageUpdateAutomation)
      static let kinds: [FluxKind] = [.imageUpdateAutomation]
      @OptionGroup var options: GetCommandOptions
    }
  }

  struct Artifacts: ParsableCommand {
    static let configuration = GetCommands.group(
      of: .artifactGenerator, abstract: "Get artifact object status.", subcommands: [Generators.self])

    struct Generators: GetNounCommand {
      static let configuration = GetCommands.configuration(.artifactGenerator)
      static let kinds: [FluxKind] = [.artifactGenerator]
      @OptionGroup var options: GetCommandOptions
    }
  }

  struct Canaries: GetNounCommand {
    static let configuration = GetCommands.configuration(
      .canary,
      discussion: """
        Columns: STATUS is the phase; WEIGHT the canary weight Flagger last wrote; FAILED is \
        failedChecks/threshold; STEP is k/n weight steps (stepWeight, stepWeights, maxWeight) or i/n \
        iterations (blue/green, A/B), n/n once the analysis finished, - when the analysis is skipped.
        """)
    static let kinds: [FluxKind] = [.canary]
    @OptionGroup var options: GetCommandOptions
  }

  struct MetricTemplates: GetNounCommand {
    static let configuration = GetCommands.configuration(.metricTemplate)
    static let kinds: [FluxKind] = [.metricTemplate]
    @OptionGroup var options: GetCommandOptions
  }

  struct FlaggerAlertProviders: GetNounCommand {
    static let configuration = GetCommands.configuration(.flaggerAlertProvider)
    static let kinds: [FluxKind] = [.flaggerAlertProvider]
    @OptionGroup var options: GetCommandOptions
  }
}
