import ArgumentParser
import TackBase
import TackCore

extension Tack {
  /// `tack export <noun> [name] [--all]`: objects as YAML in flux's export format.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Export resources in YAML format.",
      discussion: """
        Prints each object as a YAML document (---, then apiVersion, kind, metadata name, namespace, \
        labels and annotations, and spec; no status or server fields), ready to commit to Git.
        """,
      subcommands: [
        Source.self, Kustomization.self, HelmRelease.self, Alert.self, AlertProvider.self, Receiver.self,
        Image.self, Artifact.self,
      ])

    struct Source: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Export sources in YAML format.", subcommands: [Git.self, OCI.self, Helm.self, Chart.self, Bucket.self, External.self],
        aliases: ["sources"])

      struct Git: ExportNounCommand {
        static let configuration = config(.gitRepository, "git")
        static let kind = FluxKind.gitRepository
        @OptionGroup var options: ExportCommandOptions
        @OptionGroup var credentials: ExportCredentialsOption
        var withCredentials: Bool { credentials.withCredentials }
      }
      struct OCI: ExportNounCommand {
        static let configuration = config(.ociRepository, "oci")
        static let kind = FluxKind.ociRepository
        @OptionGroup var options: ExportCommandOptions
        @OptionGroup var credentials: ExportCredentialsOption
        var withCredentials: Bool { credentials.withCredentials }
      }
      struct Helm: ExportNounCommand {
        static let configuration = config(.helmRepository, "helm")
        static let kind = FluxKind.helmRepository
        @OptionGroup var options: ExportCommandOptions
        @OptionGroup var credentials: ExportCredentialsOption
        var withCredentials: Bool { credentials.withCredentials }
      }
      struct Chart: ExportNounCommand {
        static let configuration = config(.helmChart, "chart")
        static let kind = FluxKind.helmChart
        @OptionGroup var options: ExportCommandOptions
      }
      struct Bucket: ExportNounCommand {
        static let configuration = config(.bucket, "bucket")
        static let kind = FluxKind.bucket
        @OptionGroup var options: ExportCommandOptions
        @OptionGroup var credentials: ExportCredentialsOption
        var withCredentials: Bool { credentials.withCredentials }
      }
      struct External: ExportNounCommand {
        static let configuration = config(.externalArtifact, "external")
        static let kind = FluxKind.externalArtifact
        @OptionGroup var options: ExportCommandOptions
      }
    }

    struct Kustomization: ExportNounCommand {
      static let configuration = config(.kustomization, "kustomization", aliases: ["kustomizations", "ks"])
      static let kind = FluxKind.kustomization
      @OptionGroup var options: ExportCommandOptions
    }
    struct HelmRelease: ExportNounCommand {
      static let configuration = config(.helmRelease, "helmrelease", aliases: ["helmreleases", "hr"])
      static let kind = FluxKind.helmRelease
      @OptionGroup var options: ExportCommandOptions
    }
    struct Alert: ExportNounCommand {
      static let configuration = config(.alert, "alert", aliases: ["alerts"])
      static let kind = FluxKind.alert
      @OptionGroup var options: ExportCommandOptions
    }
    struct AlertProvider: ExportNounCommand {
      static let configuration = config(.alertProvider, "alert-provider", aliases: ["alert-providers"])
      static let kind = FluxKind.alertProvider
      @OptionGroup var options: ExportCommandOptions
    }
    struct Receiver: ExportNounCommand {
      static let configuration = config(.receiver, "receiver", aliases: ["receivers"])
      static let kind = FluxKind.receiver
      @OptionGroup var options: ExportCommandOptions
    }

    struct Image: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Export image automation objects in YAML format.", subcommands: [Repository.self, Policy.self, Update.self],
        aliases: ["images"])

      struct Repository: ExportNounCommand {
        static let configuration = config(.imageRepository, "repository")
        static let kind = FluxKind.imageRepository
        @OptionGroup var options: ExportCommandOptions
      }
      struct Policy: ExportNounCommand {
        static let configuration = config(.imagePolicy, "policy")
        static let kind = FluxKind.imagePolicy
        @OptionGroup var options: ExportCommandOptions
      }
      struct Update: ExportNounCommand {
        static let configuration = config(.imageUpdateAutomation, "update")
        static let kind = FluxKind.imageUpdateAutomation
        @OptionGroup var options: ExportCommandOptions
      }
    }

    struct Artifact: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Export artifact objects in YAML format.", subcommands: [Generator.self],
        aliases: ["artifacts"])

      struct Generator: ExportNounCommand {
        static let configuration = config(.artifactGenerator, "generator", aliases: ["generators"])
        static let kind = FluxKind.artifactGenerator
        @OptionGroup var options: ExportCommandOptions
      }
    }
  }
}

struct ExportCommandOptions: ParsableArguments, Sendable {
  @Argument(help: "The object to export.", completion: .custom(ResourceNameCompletion.complete))
  var name: String?

  @Flag(help: "Select all resources in the namespace.")
  var all = false

  @OptionGroup(title: "Global Options")
  var global: GlobalOptions

  func validate() throws {
    if !all && (name ?? "").isEmpty { throw ValidationError("name is required (or --all)") }
    if all && name != nil { throw ValidationError("give a name or --all, not both") }
  }
}

struct ExportCredentialsOption: ParsableArguments, Sendable {
  @Flag(help: "Also export every Secret the source references (secretRef, certSecretRef, proxySecretRef, verify.secretRef).")
  var withCredentials = false
}

protocol ExportNounCommand: AsyncParsableCommand {
  static var kind: FluxKind { get }
  var options: ExportCommandOptions { get }
  var withCredentials: Bool { get }
}

extension ExportNounCommand {
  var withCredentials: Bool { false }

  static func config(_ kind: FluxKind, _ name: String, aliases: [String] = []) -> CommandConfiguration {
    CommandConfiguration(commandName: name, abstract: "Export \(kind.kind) resources in YAML format.", aliases: aliases)
  }

  func run() async throws {
    let context = CommandContext.live()
    let cluster = try context.cluster(options.global)
    let namespace = try context.namespace(options.global)
    try await ExportObjects(cluster: cluster, console: context.console).run(
      ExportRequest(
        kind: Self.kind, namespace: namespace, name: options.name, all: options.all, withCredentials: withCredentials))
  }
}
