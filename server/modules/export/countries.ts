/**
 * ISO 3166-1 alpha-3 country codes (how Lantern keeps nationalities) to the lower-case alpha-2
 * codes of FollowTheMoney's `country` type. Kosovo's user-assigned XKX is FtM's `xk`. The table
 * is the 249 officially assigned codes (Debian's iso-codes), five letters each: alpha-3, alpha-2.
 */
const TABLE =
  'ABWaw AFGaf AGOao AIAai ALAax ALBal ANDad AREae ARGar ARMam ASMas ATAaq ATFtf ATGag AUSau AUTat ' +
  'AZEaz BDIbi BELbe BENbj BESbq BFAbf BGDbd BGRbg BHRbh BHSbs BIHba BLMbl BLRby BLZbz BMUbm BOLbo ' +
  'BRAbr BRBbb BRNbn BTNbt BVTbv BWAbw CAFcf CANca CCKcc CHEch CHLcl CHNcn CIVci CMRcm CODcd COGcg ' +
  'COKck COLco COMkm CPVcv CRIcr CUBcu CUWcw CXRcx CYMky CYPcy CZEcz DEUde DJIdj DMAdm DNKdk DOMdo ' +
  'DZAdz ECUec EGYeg ERIer ESHeh ESPes ESTee ETHet FINfi FJIfj FLKfk FRAfr FROfo FSMfm GABga GBRgb ' +
  'GEOge GGYgg GHAgh GIBgi GINgn GLPgp GMBgm GNBgw GNQgq GRCgr GRDgd GRLgl GTMgt GUFgf GUMgu GUYgy ' +
  'HKGhk HMDhm HNDhn HRVhr HTIht HUNhu IDNid IMNim INDin IOTio IRLie IRNir IRQiq ISLis ISRil ITAit ' +
  'JAMjm JEYje JORjo JPNjp KAZkz KENke KGZkg KHMkh KIRki KNAkn KORkr KWTkw LAOla LBNlb LBRlr LBYly ' +
  'LCAlc LIEli LKAlk LSOls LTUlt LUXlu LVAlv MACmo MAFmf MARma MCOmc MDAmd MDGmg MDVmv MEXmx MHLmh ' +
  'MKDmk MLIml MLTmt MMRmm MNEme MNGmn MNPmp MOZmz MRTmr MSRms MTQmq MUSmu MWImw MYSmy MYTyt NAMna ' +
  'NCLnc NERne NFKnf NGAng NICni NIUnu NLDnl NORno NPLnp NRUnr NZLnz OMNom PAKpk PANpa PCNpn PERpe ' +
  'PHLph PLWpw PNGpg POLpl PRIpr PRKkp PRTpt PRYpy PSEps PYFpf QATqa REUre ROUro RUSru RWArw SAUsa ' +
  'SDNsd SENsn SGPsg SGSgs SHNsh SJMsj SLBsb SLEsl SLVsv SMRsm SOMso SPMpm SRBrs SSDss STPst SURsr ' +
  'SVKsk SVNsi SWEse SWZsz SXMsx SYCsc SYRsy TCAtc TCDtd TGOtg THAth TJKtj TKLtk TKMtm TLStl TONto ' +
  'TTOtt TUNtn TURtr TUVtv TWNtw TZAtz UGAug UKRua UMIum URYuy USAus UZBuz VATva VCTvc VENve VGBvg ' +
  'VIRvi VNMvn VUTvu WLFwf WSMws YEMye ZAFza ZMBzm ZWEzw ';

const ALPHA2 = new Map<string, string>([
  ...TABLE.trim().split(' ').map((p) => [p.slice(0, 3), p.slice(3)] as [string, string]),
  ['XKX', 'xk'],
]);

/** `ROU` to `ro`; a code that is already alpha-2 is lower-cased; anything else gives undefined. */
export function ftmCountry(code: string): string | undefined {
  const c = code.trim().toUpperCase();
  if (/^[A-Z]{3}$/.test(c)) return ALPHA2.get(c);
  if (/^[A-Z]{2}$/.test(c) && [...ALPHA2.values()].includes(c.toLowerCase())) return c.toLowerCase();
  return undefined;
}
