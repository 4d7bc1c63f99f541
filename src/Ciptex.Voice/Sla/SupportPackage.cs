namespace Ciptex.Voice.Sla;

public enum SupportPackage { Production, Extended }
