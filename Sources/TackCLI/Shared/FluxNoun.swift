import ArgumentParser
import TackCore

/// A noun the verbs' generic leaf commands are made for (`SuspendLeaf<Nouns.Git>`): the kind it
/// names. How each verb spells it comes from the kinds' one noun table (`FluxKind.noun`,
/// `KindNoun.spelling(for:)`), so every noun gets the same words, flags and behaviour.
protocol FluxNoun {
  static var kind: FluxKind { get }
}

extension FluxNoun {
  /// The leaf command's name and aliases under `verb`.
  static func spelling(for verb: FluxKind.Verb) -> KindNoun.Spelling { kind.noun.spelling(for: verb) }

  /// "a GitRepository", "an ImagePolicy".
  static var withArticle: String {
    let first = kind.kind.first.map { "AEIOU".contains($0) } ?? false
    return (first ? "an " : "a ") + kind.kind
  }
}

/// One type per noun, for the generic leaves.
enum Nouns {
  enum Git: FluxNoun { static let kind = FluxKind.gitRepository }
  enum OCI: FluxNoun { static let kind = FluxKind.ociRepository }
  enum Helm: FluxNoun { static let kind = FluxKind.helmRepository }
  enum Chart: FluxNoun { static let kind = FluxKind.helmChart }
  enum Bucket: FluxNoun { static let kind = FluxKind.bucket }
  enum External: FluxNoun { static let kind = FluxKind.externalArtifact }
  enum Kustomization: FluxNoun { static let kind = FluxKind.kustomization }
  enum HelmRelease: FluxNoun { static let kind = FluxKind.helmRelease }
  enum Receiver: FluxNoun { static let kind = FluxKind.receiver }
  enum Alert: FluxNoun { static let kind = FluxKind.alert }
  enum AlertProvider: FluxNoun { static let kind = FluxKind.alertProvider }
  enum ImageRepository: FluxNoun { static let kind = FluxKind.imageRepository }
  enum ImagePolicy: FluxNoun { static let kind = FluxKind.imagePolicy }
  enum ImageUpdate: FluxNoun { static let kind = FluxKind.imageUpdateAutomation }
  enum Generator: FluxNoun { static let kind = FluxKind.artifactGenerator }
  enum Canary: FluxNoun { static let kind = FluxKind.canary }
}

/// A verb whose nouns are leaf commands generic over the noun: reconcile, suspend, resume, export.
protocol NounVerb {
  static var verb: FluxKind.Verb { get }
  /// The help line of a group noun: `Suspend sources.`, `Export sources in YAML format.`
  static func groupAbstract(_ what: String) -> String
  /// The leaf command for a noun; a verb that treats some nouns differently says so here.
  static func leaf<Noun: FluxNoun>(_ noun: Noun.Type) -> any ParsableCommand.Type
}

/// A group noun (`sources`, `images`, `artifacts`): what its help says it holds, and its nouns in
/// the order help lists them.
protocol FluxNounGroup {
  static var what: String { get }
  static var nouns: [any FluxNoun.Type] { get }
}

enum SourceNouns: FluxNounGroup {
  static let what = "sources"
  static let nouns: [any FluxNoun.Type] = [
    Nouns.Git.self, Nouns.OCI.self, Nouns.Helm.self, Nouns.Chart.self, Nouns.Bucket.self, Nouns.External.self,
  ]
}

enum ImageNouns: FluxNounGroup {
  static let what = "image automation objects"
  static let nouns: [any FluxNoun.Type] = [Nouns.ImageRepository.self, Nouns.ImagePolicy.self, Nouns.ImageUpdate.self]
}

enum ArtifactNouns: FluxNounGroup {
  static let what = "artifact objects"
  static let nouns: [any FluxNoun.Type] = [Nouns.Generator.self]
}

/// A verb's group noun command (`suspend source …`, `export image …`): the group's nouns the verb
/// takes, spelled as the verb spells them.
struct NounGroup<Verb: NounVerb, Group: FluxNounGroup>: AsyncParsableCommand {
  static var configuration: CommandConfiguration {
    let spelling = Group.nouns.first?.kind.noun.groupSpelling(for: Verb.verb)
    return CommandConfiguration(
      commandName: spelling?.name, abstract: Verb.groupAbstract(Group.what),
      subcommands: Group.nouns.filter { $0.kind.verbs.contains(Verb.verb) }.map { Verb.leaf($0) },
      aliases: spelling?.aliases ?? [])
  }
}

/// The nouns `suspend` and `resume` share, in the order their help lists them.
enum SuspendableNouns {
  static func subcommands<Verb: NounVerb>(_: Verb.Type) -> [any ParsableCommand.Type] {
    [
      NounGroup<Verb, SourceNouns>.self, Verb.leaf(Nouns.Kustomization.self), Verb.leaf(Nouns.HelmRelease.self),
      Verb.leaf(Nouns.Receiver.self), NounGroup<Verb, ImageNouns>.self, Verb.leaf(Nouns.Alert.self),
      Verb.leaf(Nouns.AlertProvider.self), Verb.leaf(Nouns.Canary.self),
    ]
  }
}
