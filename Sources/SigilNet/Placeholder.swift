public enum SigilNetPlaceholder {}
