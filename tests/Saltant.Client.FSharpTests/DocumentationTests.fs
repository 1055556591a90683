namespace Saltant.Client.FSharpTests

open System
open System.IO
open System.Reflection
open System.Runtime.CompilerServices
open System.Xml.Linq
open Xunit
open Saltant.Client.FSharp

/// Every public thing of Saltant.Client.FSharp has an XML doc in its package (F# does not warn of
/// a missing one, as C# does with CS1591, so this test does).
type DocumentationTests() =
    let assembly = typeof<AffBuilder>.Assembly

    let documented =
        let xml = Path.ChangeExtension(assembly.Location, ".xml")
        XDocument.Load(xml).Descendants(XName.Get "member")
        |> Seq.map (fun m -> m.Attribute(XName.Get "name").Value)
        |> Seq.toList

    // A doc id is the kind, the full name and the member's name, then generic arity or parameters.
    let hasDoc (kind: string) (typ: Type) (name: string) =
        let prefix = sprintf "%s:%s%s" kind (typ.FullName.Replace('+', '.')) (if name = "" then "" else "." + name)
        documented |> List.exists (fun id -> id = prefix || id.StartsWith(prefix + "(") || id.StartsWith(prefix + "`"))

    let generated (m: MemberInfo) = m.IsDefined(typeof<CompilerGeneratedAttribute>, false)

    [<Fact>]
    member _.``Every public type, function, member and value of the F# package has an XML doc``() =
        let missing =
            [ for typ in assembly.GetExportedTypes() do
                  if not (hasDoc "T" typ "") then yield "T:" + typ.FullName
                  if not (typeof<exn>.IsAssignableFrom typ) then
                      let flags = BindingFlags.Public ||| BindingFlags.Static ||| BindingFlags.Instance ||| BindingFlags.DeclaredOnly
                      for m in typ.GetMethods flags do
                          if not m.IsSpecialName && not (generated m) && not (hasDoc "M" typ m.Name) then
                              yield sprintf "M:%s.%s" typ.FullName m.Name
                      for p in typ.GetProperties flags do
                          if not (generated p) && not (hasDoc "P" typ p.Name) then yield sprintf "P:%s.%s" typ.FullName p.Name ]
        Assert.True(List.isEmpty missing, sprintf "no XML doc for:\n%s" (String.concat "\n" missing))
        Assert.True(documented.Length > 50, "the XML docs were not found")
