@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package modulithfixture.inner;
